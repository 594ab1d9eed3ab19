package org.harbinger.engine;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * The kinds of tunable value a rule declares in its metadata block. DAYS windows count
 * incidents and so decide how long incidents stay in the session; LOOKBACK periods are
 * served by small derived facts instead.
 */
@NamedInterface("api")
public enum ThresholdType {

	// Each kind's bounds, declared here beside it: a value outside them is refused naming
	// the key.
	// The upper bounds keep a typing slip (window-days: 2147483647) from reloading every
	// incident
	// into the session, and a list from growing without end.

	/** A counting window in days, 1 to ten years. */
	DAYS(1, 3650),
	/** A lookback in days kept as derived facts, 1 to ten years. */
	LOOKBACK(1, 3650),
	/** A whole number of events, countries or people, 0 to a million. */
	COUNT(0, 1_000_000),
	/** A positive number, such as a ratio or a factor, at most a thousand. */
	RATIO(0, 1000),
	/**
	 * A positive number that a test's statistic is compared with, or a parameter of that
	 * test (a CUSUM's decision threshold, the jump it looks for), at most a thousand:
	 * checked like a ratio, but no count of incidents, so never drawn as a line on a
	 * chart.
	 */
	SCORE(0, 1000),
	/** A non-empty list of names: at most 200, each at most 200 characters. */
	LIST(1, 200),
	/**
	 * A minimum Admiralty grade such as {@code B3}: source reliability A-F and
	 * information credibility 1-6, each this good or better (docs/grading.md).
	 */
	GRADE(1, 6),
	/**
	 * A probability above 0 and at most 0.5, such as the chance below which a count is
	 * too unlikely to be the baseline's (a surge test's significance level).
	 */
	PROBABILITY(0, 0);

	private static final int MAX_NAME = 200;

	private final int minimum;

	private final int maximum;

	ThresholdType(int minimum, int maximum) {
		this.minimum = minimum;
		this.maximum = maximum;
	}

	/**
	 * The checked value of a YAML scalar or list, or an exception saying what is wrong.
	 */
	public Object parse(String scalar, List<String> list) {
		if (this == LIST) {
			if (list == null || list.isEmpty() || list.stream().anyMatch(String::isBlank)) {
				throw new IllegalArgumentException("expected a non-empty list of names");
			}
			if (list.size() > this.maximum) {
				throw new IllegalArgumentException(list.size() + " names are more than the maximum " + this.maximum);
			}
			list.stream().filter((name) -> name.length() > MAX_NAME).findFirst().ifPresent((name) -> {
				throw new IllegalArgumentException(
						"a name of " + name.length() + " characters is longer than the maximum " + MAX_NAME);
			});
			return List.copyOf(list);
		}
		if (scalar == null) {
			throw new IllegalArgumentException("expected a single " + describe());
		}
		if (this == GRADE) {
			String grade = scalar.strip().toUpperCase(java.util.Locale.ROOT);
			if (!grade.matches("[A-F][1-6]")) {
				throw new IllegalArgumentException("'" + scalar + "' is not a grade; expected a reliability A-F and a "
						+ "credibility 1-6, such as B3");
			}
			return grade;
		}
		if (this == PROBABILITY) {
			double value = number(scalar);
			if (!(value > 0) || value > 0.5) {
				throw new IllegalArgumentException(
						scalar + " must be a probability above 0 and at most 0.5, such as 0.001");
			}
			return value;
		}
		if (this == RATIO || this == SCORE) {
			double value = number(scalar);
			if (!(value > 0) || Double.isInfinite(value)) {
				throw new IllegalArgumentException(scalar + " must be a positive number");
			}
			if (value > this.maximum) {
				throw new IllegalArgumentException(scalar + " is above the maximum " + this.maximum);
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
		if (value < this.minimum) {
			throw new IllegalArgumentException(value + " is below the minimum " + this.minimum);
		}
		if (value > this.maximum) {
			throw new IllegalArgumentException(value + " is above the maximum " + this.maximum);
		}
		return value;
	}

	private static double number(String scalar) {
		try {
			return Double.parseDouble(scalar);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + scalar + "' is not a number");
		}
	}

	private String describe() {
		return switch (this) {
			case DAYS, LOOKBACK -> "number of days";
			case COUNT -> "whole number";
			case RATIO, SCORE -> "positive number";
			case LIST -> "list";
			case GRADE -> "grade such as B3";
			case PROBABILITY -> "probability such as 0.001";
		};
	}

}
