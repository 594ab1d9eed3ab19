package org.harbinger.engine;

import org.springframework.modulith.NamedInterface;

/**
 * The engine's read-only face: what is in force now and how the last reload went. Every
 * module that shows or uses the rules reads them here; how they are reloaded stays inside
 * the engine.
 */
@NamedInterface("api")
public interface RulesInForce {

	/** The rules and thresholds in force now, as one consistent pair. */
	InForce now();

	/** Each rule file's state, the last refusal and the thresholds file's state. */
	RulesStatus status();

}
