package org.harbinger.threshold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.harbinger.engine.ThresholdType;
import org.harbinger.system.EditableFiles;

/**
 * The values in force by indicator, each with the type its rule declares, and the file's
 * version.
 */
record ThresholdsView(String file, String version, List<Indicator> indicators) {

	record Indicator(String indicator, List<Key> thresholds) {
	}

	record Key(String key, String name, String type, Object value) {

		/** The value as a person types it: a list as {@code a, b}. */
		String text() {
			return (this.value instanceof List<?> list) ? String.join(", ", list.stream().map(String::valueOf).toList())
					: String.valueOf(this.value);
		}

	}

	static ThresholdsView of(ThresholdChanges changes) {
		Map<String, Object> values = changes.inForce().values();
		Map<String, List<Key>> byIndicator = new LinkedHashMap<>();
		changes.schema().forEach((key, type) -> {
			int dot = key.indexOf('.');
			byIndicator.computeIfAbsent(key.substring(0, dot), (indicator) -> new ArrayList<>())
				.add(new Key(key, key.substring(dot + 1), type.name().toLowerCase(Locale.ROOT), values.get(key)));
		});
		List<Indicator> indicators = byIndicator.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> new Indicator(entry.getKey(), List.copyOf(entry.getValue())))
			.toList();
		EditableFiles.Text file = changes.file();
		return new ThresholdsView(file.location(), EditableFiles.version(file.content()), indicators);
	}

	ThresholdType type(String key) {
		return ThresholdType.valueOf(this.indicators.stream()
			.flatMap((indicator) -> indicator.thresholds().stream())
			.filter((threshold) -> threshold.key().equals(key))
			.findFirst()
			.orElseThrow()
			.type()
			.toUpperCase(Locale.ROOT));
	}

}
