package org.harbinger.engine;

import java.util.Map;
import java.util.TreeMap;

/**
 * A complete, validated set of threshold values ({@code indicator.name} to value), and
 * how many days of incidents the rules need to see with them.
 */
public record ThresholdSet(Map<String, Object> values, int retentionDays) {

	public ThresholdSet {
		values = Map.copyOf(values);
	}

	/** Validated values against the rules' declared types; retention is the longest per-indicator span of DAYS windows. */
	public static ThresholdSet of(Map<String, Object> values, Map<String, ThresholdType> schema) {
		Map<String, Integer> spans = new TreeMap<>();
		values.forEach((key, value) -> {
			if (schema.get(key) == ThresholdType.DAYS) {
				spans.merge(key.substring(0, key.indexOf('.')), (Integer) value, Integer::sum);
			}
		});
		return new ThresholdSet(values, spans.values().stream().mapToInt(Integer::intValue).max().orElse(1));
	}

}
