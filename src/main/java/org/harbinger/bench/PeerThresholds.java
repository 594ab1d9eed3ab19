package org.harbinger.bench;

import java.util.List;
import java.util.Map;

/** The thresholds in force, read by key as the rules read them. */
record PeerThresholds(Map<String, Object> values) {

	int integer(String key) {
		return ((Number) value(key)).intValue();
	}

	double real(String key) {
		return ((Number) value(key)).doubleValue();
	}

	@SuppressWarnings("unchecked")
	List<String> list(String key) {
		return (List<String>) value(key);
	}

	String text(String key) {
		return (String) value(key);
	}

	private Object value(String key) {
		Object value = this.values.get(key);
		if (value == null) {
			throw new IllegalArgumentException("No threshold " + key);
		}
		return value;
	}

}
