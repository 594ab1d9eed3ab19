package org.harbinger.engine;

import java.util.List;

/**
 * How unlikely a window's count is given the baseline before it (docs/indicators.md,
 * "Surge detection"): the test the surge indicators make, in one place so that each rule
 * states only what it counts and its thresholds.
 * <p>
 * The expected count in the last {@code days} days is the baseline's mean per day times
 * the days, with half an event added to the baseline so that an empty one still has a
 * rate. Conflict data is bursty (same-day clusters, busy weeks), so the spread is not
 * Poisson's: the baseline's own daily counts give an index of dispersion (variance over
 * mean, at least 1), and the estimate of the mean from the baseline is itself uncertain;
 * both widen the expected spread. The count is then judged against a negative binomial of
 * that mean and spread. Every span of days within the window is tested (a scan), so a
 * sharp jump shows within days while a slower one still shows over the window, and a
 * surge found holds while its span is in the window. A span counts only when its count is
 * also at least {@code ratio} times its expectation (a jump large enough to matter, not
 * only unlikely) and its events fell on at least {@code minDays} days (a tempo, not one
 * day's wave).
 */
public final class SurgeTest {

	private SurgeTest() {
	}

	/**
	 * The most surprising span that passes, or an empty list: {@code window} and
	 * {@code baseline} are the indicator's two window counts for one scope, {@code today}
	 * the clock's day, {@code factor} lowers the bar (a declared campaign) by scaling the
	 * expectation. A list, so a rule can match it with {@code from}.
	 */
	public static List<Surge> test(WindowCount window, WindowCount baseline, long today, int windowDays,
			int baselineDays, int minDays, double ratio, double alpha, double factor) {
		double perDay = (baseline.getCount() + 0.5) / baselineDays;
		double dispersion = dispersion(perDayBackFrom(baseline, today - windowDays, baselineDays),
				(double) baseline.getCount() / baselineDays);
		int[] recent = perDayBackFrom(window, today, windowDays);
		Surge best = null;
		// Spans ending on any day of the window, not only today: a surge found holds
		// while its
		// span is in the window, as a count rule's alert holds while its incidents are,
		// rather
		// than letting go on the first quiet day. A change of tempo spans days: one day's
		// wave
		// of attacks (another indicator's finding) is no surge until events come on at
		// least
		// minDays days of the span.
		for (int end = 0; end < windowDays; end++) {
			int count = 0;
			int activeDays = 0;
			for (int days = 1; end + days <= windowDays; days++) {
				int onDay = recent[end + days - 1];
				count += onDay;
				activeDays += (onDay > 0) ? 1 : 0;
				if (activeDays < minDays) {
					continue;
				}
				double expected = perDay * days * factor;
				double variance = dispersion * expected * (1 + (double) days / baselineDays);
				double p = upperTail(count, expected, variance);
				if (p <= alpha && count >= ratio * expected && (best == null || p < best.probability())) {
					best = new Surge(today - end, days, count, expected, p);
				}
			}
		}
		return (best == null) ? List.of() : List.of(best);
	}

	/**
	 * The counted incidents per day, index 0 the day {@code last}, then back {@code days}
	 * days.
	 */
	static int[] perDayBackFrom(WindowCount counted, long last, int days) {
		int[] counts = new int[days];
		for (IncidentFact incident : counted.getIncidents()) {
			int index = (int) (last - incident.getDay());
			if (index >= 0 && index < days) {
				counts[index]++;
			}
		}
		return counts;
	}

	/**
	 * Variance over mean of the daily counts, at least 1 (Poisson); 1 when there is no
	 * mean.
	 */
	static double dispersion(int[] daily, double mean) {
		if (mean <= 0) {
			return 1;
		}
		double sum = 0;
		for (int count : daily) {
			sum += (count - mean) * (count - mean);
		}
		return Math.max(1, sum / (daily.length - 1) / mean);
	}

	/**
	 * P(X >= count) for X negative binomial of this mean and variance (Poisson when the
	 * variance does not exceed the mean), by summing the probabilities below the count.
	 */
	static double upperTail(int count, double mean, double variance) {
		if (count <= 0) {
			return 1;
		}
		double below = 0;
		if (variance <= mean * (1 + 1e-9)) {
			double term = Math.exp(-mean);
			for (int k = 0; k < count; k++) {
				below += term;
				term *= mean / (k + 1);
			}
		}
		else {
			double size = mean * mean / (variance - mean);
			double success = size / (size + mean);
			double term = Math.pow(success, size);
			for (int k = 0; k < count; k++) {
				below += term;
				term *= (k + size) / (k + 1) * (1 - success);
			}
		}
		return Math.max(0, 1 - below);
	}

	/**
	 * The first list when it holds a surge, else the second: the span test or else the
	 * CUSUM ({@link SurgeCusum}), in a rule's {@code from}.
	 */
	public static List<Surge> either(List<Surge> first, List<Surge> second) {
		return first.isEmpty() ? second : first;
	}

	/**
	 * A span that tested as a surge: its length, its count, the count expected from the
	 * baseline, and how likely a count this high was given that expectation. A CUSUM's
	 * finding ({@link SurgeCusum}) also names the {@code jump} it was tuned to, and its
	 * probability is one over its likelihood ratio, a bound on the chance of so strong a
	 * span; the span test's jump is 0.
	 */
	public record Surge(long lastDay, int days, int count, double expected, double probability, double jump) {

		/** The span test's finding. */
		public Surge(long lastDay, int days, int count, double expected, double probability) {
			this(lastDay, days, count, expected, probability, 0);
		}

		public int getDays() {
			return this.days;
		}

		public int getCount() {
			return this.count;
		}

		public double getExpected() {
			return this.expected;
		}

		public double getProbability() {
			return this.probability;
		}

		/**
		 * In words for an alert's detail: "9 in the 5 days to 2022-06-20 against 1.4
		 * expected (a chance of 1 in 2,500)", or for a CUSUM "... (day by day 2,500 times
		 * likelier at 3x the baseline's rate)".
		 */
		public String describe() {
			String span = String.format("%d in the %d days to %s against %.1f expected", this.count, this.days,
					java.time.LocalDate.ofEpochDay(this.lastDay), this.expected);
			if (this.jump > 0) {
				return String.format("%s (day by day %,.0f times likelier at %sx the baseline's rate)", span,
						1 / Math.max(this.probability, 1e-12), new java.text.DecimalFormat("0.##").format(this.jump));
			}
			return String.format("%s (a chance of 1 in %,.0f)", span, 1 / Math.max(this.probability, 1e-12));
		}

	}

}
