package org.harbinger.incident;

import org.harbinger.alert.Alert;

/**
 * Deliberately breaks a boundary: the incident store knowing about alerts, against the
 * modules' one-way order. Only ModularityTests imports it, to show that verification
 * fails.
 */
class DependsOnAlerts {

	long alertOf(Alert alert) {
		return alert.id();
	}

}
