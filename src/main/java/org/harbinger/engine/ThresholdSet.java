package org.harbinger.engine;

import java.util.Map;
import java.util.TreeMap;

/**
 * A complete, validated set of threshold values ({@code indicator.name} to value); how many
 * days of incidents the rules count over (they stay in the session), and how far back the
 * longest lookback reaches (incidents that far back pass through the session once, so
 * rules can keep small derived facts of them, and then leave).
 */
public record ThresholdSet(Map<String, Object> values, int retentionDays, int lookbackDays) {

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
		int retention = spans.values().stream().mapToInt(Integer::intValue).max().orElse(1);
		int lookback = values.entrySet()
			.stream()
			.filter((entry) -> schema.get(entry.getKey()) == ThresholdType.LOOKBACK)
			.mapToInt((entry) -> (Integer) entry.getValue())
			.max()
			.orElse(0);
		return new ThresholdSet(values, retention, Math.max(retention, lookback));
	}

}
