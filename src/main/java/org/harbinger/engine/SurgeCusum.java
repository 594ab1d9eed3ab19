package org.harbinger.engine;

import java.util.List;

/**
 * The surge indicators' second test (docs/indicators.md, "Surge detection"): a CUSUM of
 * the window's daily counts, each day scored by how much likelier its count is under a
 * rate {@code jump} times the baseline's than under the baseline's own.
 * <p>
 * A day's count is negative binomial with the baseline's mean per day and its index of
 * dispersion (variance over mean, as {@link SurgeTest} measures it). Under the jump the
 * same kind of day comes {@code jump} times as often with the same burstiness (the index
 * stays, as when more attack waves come, each of the usual size), so a day's score is
 * {@code sum over j < x of ln((jump r + j) / (r + j)) + (jump - 1) r ln(1 / index)} with
 * {@code r} the baseline's negative binomial size: a quiet day scores below zero, a busy
 * one above, and a day of ten adds less than ten days of one (a burst is weaker evidence
 * of a new tempo than a tempo). The test fires when the days of some span of the window
 * sum to at least {@code threshold}: Page's CUSUM {@code S = max(0, S + score)} run over
 * the window's days from its first, so the state is a function of the incidents in the
 * window and the clock, not carried over from earlier days, and a surge found holds while
 * its span is in the window, as {@link SurgeTest}'s does.
 * <p>
 * Where the span test asks how unlikely one span's total is, the CUSUM weighs each day,
 * and so finds a tempo that rises over a few days of several events sooner at higher base
 * rates.
 */
public final class SurgeCusum {

	/** A dispersion index this close to 1 is Poisson. */
	private static final double POISSON = 1 + 1e-4;

	private SurgeCusum() {
	}

	/**
	 * The span of the window whose scores sum highest, when that sum reaches
	 * {@code threshold} and its events fell on at least {@code minDays} days (a tempo,
	 * not one day's wave); else an empty list. Arguments as {@link SurgeTest#test}'s,
	 * with {@code jump} the rate multiple the scores are tuned to and {@code factor}
	 * scaling the baseline's mean (a declared campaign).
	 */
	public static List<SurgeTest.Surge> test(WindowCount window, WindowCount baseline, long today, int windowDays,
			int baselineDays, int minDays, double jump, double threshold, double factor) {
		double perDay = (baseline.getCount() + 0.5) / baselineDays * factor;
		double dispersion = SurgeTest.dispersion(SurgeTest.perDayBackFrom(baseline, today - windowDays, baselineDays),
				(double) baseline.getCount() / baselineDays);
		DayScore score = new DayScore(perDay, dispersion, jump);
		int[] recent = SurgeTest.perDayBackFrom(window, today, windowDays);
		double sum = 0;
		int days = 0;
		int count = 0;
		int activeDays = 0;
		double best = 0;
		SurgeTest.Surge found = null;
		for (int back = windowDays - 1; back >= 0; back--) {
			sum += score.of(recent[back]);
			days++;
			count += recent[back];
			activeDays += (recent[back] > 0) ? 1 : 0;
			if (sum <= 0) {
				sum = 0;
				days = 0;
				count = 0;
				activeDays = 0;
			}
			else if (sum >= threshold && activeDays >= minDays && sum > best) {
				best = sum;
				found = new SurgeTest.Surge(today - back, days, count, perDay * days, Math.exp(-sum), jump);
			}
		}
		return (found == null) ? List.of() : List.of(found);
	}

	/**
	 * The log likelihood ratio of a day's count, a rate {@code jump} times the baseline's
	 * against the baseline's, both negative binomial of the baseline's dispersion index.
	 */
	static final class DayScore {

		private final double jump;

		private final double size;

		private final double quietDay;

		DayScore(double perDay, double dispersion, double jump) {
			this.jump = jump;
			this.size = (dispersion > POISSON) ? perDay / (dispersion - 1) : Double.POSITIVE_INFINITY;
			// The score of a day with no events: the jump's chance of a quiet day against
			// the
			// baseline's.
			this.quietDay = Double.isInfinite(this.size) ? -(jump - 1) * perDay
					: (jump - 1) * this.size * Math.log(1 / dispersion);
		}

		double of(int count) {
			if (Double.isInfinite(this.size)) {
				return count * Math.log(this.jump) + this.quietDay;
			}
			double score = this.quietDay;
			for (int j = 0; j < count; j++) {
				score += Math.log((this.jump * this.size + j) / (this.size + j));
			}
			return score;
		}

	}

}
