package org.harbinger.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One administrator-tunable value as a fact, so that a change re-evaluates only the rules
 * that use it.
 */
public final class Threshold {

	private final String key;

	private final Object value;

	Threshold(String key, Object value) {
		this.key = key;
		// A list is copied into one that answers contains(null) with false, so that a
		// rule may
		// write "actor2Group memberOf $rivals" of an incident with no actor2 (List.of
		// throws).
		this.value = (value instanceof List<?> list) ? Collections.unmodifiableList(new ArrayList<>(list)) : value;
	}

	public String getKey() {
		return this.key;
	}

	public int getIntValue() {
		return ((Number) this.value).intValue();
	}

	public double getDoubleValue() {
		return ((Number) this.value).doubleValue();
	}

	/**
	 * Of a {@code grade} threshold ("B3"): the worst source reliability it accepts, "B".
	 */
	public String getReliability() {
		return ((String) this.value).substring(0, 1);
	}

	/**
	 * Of a {@code grade} threshold ("B3"): the worst information credibility it accepts,
	 * 3.
	 */
	public int getCredibility() {
		return ((String) this.value).charAt(1) - '0';
	}

	@SuppressWarnings("unchecked")
	public List<String> getValues() {
		return (List<String>) this.value;
	}

	@Override
	public String toString() {
		return this.key + "=" + this.value;
	}

}
