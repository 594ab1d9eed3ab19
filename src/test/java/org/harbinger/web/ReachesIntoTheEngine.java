package org.harbinger.web;

import org.harbinger.engine.IncidentFact;

/**
 * Deliberately breaks a boundary: a page reading a fact the rules match, which is public
 * for Drools but outside the engine's named interfaces. Only ModularityTests imports it,
 * to show that verification fails on such an access.
 */
class ReachesIntoTheEngine {

	String actorOf(IncidentFact fact) {
		return fact.toString();
	}

}
