package org.harbinger.engine;

import org.springframework.modulith.NamedInterface;

/**
 * The two ways to change what is in force from outside the engine: reload the rule files,
 * or put validated threshold values in force (the administrators' threshold tools).
 */
@NamedInterface("api")
public interface RuleChanges {

	/**
	 * Compiles and swaps in the rule files as they are now, changed or not; the resulting
	 * status.
	 */
	RulesStatus reload();

	/**
	 * Puts validated values in force (the administrators' API calls this after writing
	 * the file, and the watcher when the file changes): equal values are a no-op, so the
	 * same change arriving both ways applies once. True when the values changed.
	 */
	boolean applyThresholds(ThresholdSet next);

}
