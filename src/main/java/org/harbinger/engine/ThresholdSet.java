package org.harbinger.engine;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.modulith.NamedInterface;

/**
 * A complete, validated set of threshold values ({@code indicator.name} to value); how
 * many days of incidents the rules count over (they stay in the session), and how far
 * back the longest lookback reaches (incidents that far back pass through the session
 * once, so rules can keep small derived facts of them, and then leave).
 */
@NamedInterface("api")
public record ThresholdSet(Map<String, Object> values, int retentionDays, int lookbackDays) {

	public ThresholdSet {
		values = Map.copyOf(values);
	}

	/**
	 * Validated values with what they imply: retention is the longest per-indicator sum
	 * of DAYS windows; the lookback adds an indicator's LOOKBACK periods to its windows
	 * (an event still in a window is judged against the lookback behind it).
	 */
	public static ThresholdSet of(Map<String, Object> values, Map<String, ThresholdType> schema) {
		Map<String, Integer> windows = new TreeMap<>();
		Map<String, Integer> lookbacks = new TreeMap<>();
		values.forEach((key, value) -> {
			String indicator = key.substring(0, key.indexOf('.'));
			if (schema.get(key) == ThresholdType.DAYS) {
				windows.merge(indicator, (Integer) value, Integer::sum);
			}
			else if (schema.get(key) == ThresholdType.LOOKBACK) {
				lookbacks.merge(indicator, (Integer) value, Integer::sum);
			}
		});
		int retention = windows.values().stream().mapToInt(Integer::intValue).max().orElse(1);
		int lookback = lookbacks.entrySet()
			.stream()
			.mapToInt((entry) -> entry.getValue() + windows.getOrDefault(entry.getKey(), 0))
			.max()
			.orElse(0);
		return new ThresholdSet(values, retention, Math.max(retention, lookback));
	}

	/**
	 * The first day (epoch day) a counting window reaches on {@code today}: older
	 * incidents leave the session.
	 */
	public long retentionHorizon(LocalDate today) {
		return today.toEpochDay() - this.retentionDays + 1;
	}

	/**
	 * The first day (epoch day) a lookback reaches on {@code today}: older incidents are
	 * not worth inserting at all.
	 */
	public long lookbackHorizon(LocalDate today) {
		return today.toEpochDay() - this.lookbackDays + 1;
	}

}
