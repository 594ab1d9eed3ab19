package org.harbinger.engine;

import java.util.Locale;

import org.springframework.modulith.NamedInterface;

/**
 * Which part ISKP plays in the incidents an indicator counts (docs/indicators.md, "Actor
 * roles"): every rule file says it in its metadata, so an analyst knows whether an alert
 * reports what ISKP did or what was done to it.
 */
@NamedInterface("api")
public enum ActorRole {

	/** ISKP acted: actor1, or an associated actor of actor1. */
	PERPETRATOR,

	/**
	 * ISKP was acted upon: actor2 of an operation by state forces or another armed group.
	 */
	TARGET,

	/**
	 * Whoever acted (attacks on a community, fire across a border, a tag); never an
	 * operation against ISKP.
	 */
	ANY;

	/** The value as the metadata header spells it. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
