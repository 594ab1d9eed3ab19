package org.harbinger.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.harbinger.engine.RuleMetadata;
import org.harbinger.engine.RulesInForce;
import org.harbinger.engine.ThresholdType;

import org.springframework.stereotype.Component;

/**
 * The indicators' metadata and the threshold values in force now (both change on a
 * reload), for the pages: the one place the pages read them from.
 */
@Component
class Indicators {

	private final RulesInForce inForce;

	Indicators(RulesInForce inForce) {
		this.inForce = inForce;
	}

	/**
	 * One threshold an indicator reads: its name (without the indicator), type and value
	 * in force.
	 */
	record Setting(String key, String name, ThresholdType type, Object value) {
	}

	/** Every indicator, by id. */
	Map<String, RuleMetadata> all() {
		return new TreeMap<>(this.inForce.now().indicators());
	}

	Optional<RuleMetadata> find(String id) {
		return this.inForce.now().indicator(id);
	}

	/**
	 * The indicator's title, or its id when no loaded rule has it (a rule file removed
	 * since).
	 */
	String title(String id) {
		return this.inForce.now().title(id);
	}

	List<Setting> settings(RuleMetadata indicator) {
		List<Setting> settings = new ArrayList<>();
		Map<String, Object> values = this.inForce.now().thresholds().values();
		indicator.thresholds()
			.forEach((key, type) -> settings
				.add(new Setting(key, key.substring(indicator.id().length() + 1), type, values.get(key))));
		return settings;
	}

}
