package org.harbinger.engine;

import java.util.List;

/**
 * The kinds of tunable value a rule declares in its metadata block. DAYS windows count
 * incidents and so decide how long incidents stay in the session; LOOKBACK periods are
 * served by small derived facts instead.
 */
public enum ThresholdType {

	/** A counting window in days, at least 1. */
	DAYS,
	/** A lookback in days kept as derived facts, at least 1. */
	LOOKBACK,
	/** A whole number of events, countries or people, at least 0. */
	COUNT,
	/** A positive number, such as a ratio or a factor. */
	RATIO,
	/** A non-empty list of names. */
	LIST;

	/** The checked value of a YAML scalar or list, or an exception saying what is wrong. */
	public Object parse(String scalar, List<String> list) {
		if (this == LIST) {
			if (list == null || list.isEmpty() || list.stream().anyMatch(String::isBlank)) {
				throw new IllegalArgumentException("expected a non-empty list of names");
			}
			return List.copyOf(list);
		}
		if (scalar == null) {
			throw new IllegalArgumentException("expected a single " + describe());
		}
		if (this == RATIO) {
			double value;
			try {
				value = Double.parseDouble(scalar);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("'" + scalar + "' is not a number");
			}
			if (!(value > 0) || Double.isInfinite(value)) {
				throw new IllegalArgumentException(scalar + " must be a positive number");
			}
			return value;
		}
		int value;
		try {
			value = Integer.parseInt(scalar.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + scalar + "' is not a whole number");
		}
		int minimum = (this == COUNT) ? 0 : 1;
		if (value < minimum) {
			throw new IllegalArgumentException(value + " is below the minimum " + minimum);
		}
		return value;
	}

	private String describe() {
		return switch (this) {
			case DAYS, LOOKBACK -> "number of days";
			case COUNT -> "whole number";
			case RATIO -> "positive number";
			case LIST -> "list";
		};
	}

}
