package org.harbinger.engine;

import java.util.Map;
import java.util.Optional;

import org.springframework.modulith.NamedInterface;

/**
 * What is in force at one moment: the compiled rules and the threshold values checked
 * against them, taken together so that a reader never pairs one rule base with another's
 * thresholds. Read-only; changes go through {@link RuleChanges}.
 */
@NamedInterface("api")
public record InForce(RuleBase rules, ThresholdSet thresholds) {

	/** Every indicator in force, by id. */
	public Map<String, RuleMetadata> indicators() {
		return this.rules.indicators();
	}

	public Optional<RuleMetadata> indicator(String id) {
		return Optional.ofNullable(this.rules.indicators().get(id));
	}

	/**
	 * The indicator's plain-language title, or its id when no rule in force declares it
	 * (a file removed since).
	 */
	public String title(String id) {
		return indicator(id).map(RuleMetadata::title).orElse(id);
	}

	/**
	 * Every threshold key the rules in force declare, with its type: what a thresholds
	 * file must set.
	 */
	public Map<String, ThresholdType> thresholdSchema() {
		return this.rules.thresholdSchema();
	}

}
