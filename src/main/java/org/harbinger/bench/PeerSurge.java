package org.harbinger.bench;

import java.util.List;

/**
 * The surge test of docs/indicators.md, "Surge detection", over the rows a query
 * returned: the statistic is the indicators' own, so the peer computes it the same way,
 * from per-day counts it builds itself (ElastAlert's spike rule, with this test in place
 * of its fixed ratio). Its dispersion and tail are written again here, not taken from the
 * engine's SurgeTest: the comparison checks that both designs give the same transitions,
 * which a shared mistake would pass.
 */
record PeerSurge(int windowDays, int baselineDays, int minDays, int minCount, double ratio, double alpha, double jump,
		double threshold) {

	/** The surge thresholds of indicator {@code id}. */
	static PeerSurge of(PeerThresholds t, String id) {
		return new PeerSurge(t.integer(id + ".window-days"), t.integer(id + ".baseline-days"),
				t.integer(id + ".min-days"), t.integer(id + ".min-count"), t.real(id + ".ratio"), t.real(id + ".alpha"),
				t.real(id + ".cusum-jump"), t.real(id + ".cusum-h"));
	}

	/**
	 * Whether one scope's counted rows of the window ending {@code today} are at least
	 * the minimum and a surge against its baseline rows, by the span test or the CUSUM;
	 * {@code factor} scales the baseline's rate (a declared campaign lowers the bar).
	 */
	boolean detects(List<PeerRow> window, List<PeerRow> baseline, long today, double factor) {
		return window.size() >= this.minCount
				&& (found(window, baseline, today, factor) || cusum(window, baseline, today, factor));
	}

	/**
	 * Whether a span of the window ending {@code today} is a surge against the baseline.
	 */
	private boolean found(List<PeerRow> window, List<PeerRow> baseline, long today, double factor) {
		double perDay = (baseline.size() + 0.5) / this.baselineDays;
		double dispersion = dispersion(perDay(baseline, today - this.windowDays, this.baselineDays),
				(double) baseline.size() / this.baselineDays);
		int[] recent = perDay(window, today, this.windowDays);
		for (int end = 0; end < this.windowDays; end++) {
			int count = 0;
			int activeDays = 0;
			for (int days = 1; end + days <= this.windowDays; days++) {
				int onDay = recent[end + days - 1];
				count += onDay;
				activeDays += (onDay > 0) ? 1 : 0;
				if (activeDays < this.minDays) {
					continue;
				}
				double expected = perDay * days * factor;
				double variance = dispersion * expected * (1 + (double) days / this.baselineDays);
				if (upperTail(count, expected, variance) <= this.alpha && count >= this.ratio * expected) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether the window's CUSUM (docs/indicators.md, "Surge detection") reaches
	 * {@code threshold}: from the window's oldest day to today, each day's log likelihood
	 * ratio of its count at {@code jump} times the baseline's rate (negative binomial of
	 * the baseline's dispersion, Poisson when it has none), summed and floored at zero,
	 * on a span whose events fall on at least {@code minDays} days.
	 */
	private boolean cusum(List<PeerRow> window, List<PeerRow> baseline, long today, double factor) {
		double perDay = (baseline.size() + 0.5) / this.baselineDays * factor;
		double dispersion = dispersion(perDay(baseline, today - this.windowDays, this.baselineDays),
				(double) baseline.size() / this.baselineDays);
		boolean poisson = dispersion <= 1 + 1e-4;
		double size = poisson ? 0 : perDay / (dispersion - 1);
		double quietDay = poisson ? -(this.jump - 1) * perDay : (this.jump - 1) * size * Math.log(1 / dispersion);
		int[] recent = perDay(window, today, this.windowDays);
		double sum = 0;
		int activeDays = 0;
		for (int back = this.windowDays - 1; back >= 0; back--) {
			double score = quietDay;
			for (int j = 0; j < recent[back]; j++) {
				score += poisson ? Math.log(this.jump) : Math.log((this.jump * size + j) / (size + j));
			}
			sum += score;
			activeDays += (recent[back] > 0) ? 1 : 0;
			if (sum <= 0) {
				sum = 0;
				activeDays = 0;
			}
			else if (sum >= this.threshold && activeDays >= this.minDays) {
				return true;
			}
		}
		return false;
	}

	/** Rows per day, index 0 the day {@code last}, then back {@code days} days. */
	private static int[] perDay(List<PeerRow> rows, long last, int days) {
		int[] counts = new int[days];
		for (PeerRow row : rows) {
			int index = (int) (last - row.day());
			if (index >= 0 && index < days) {
				counts[index]++;
			}
		}
		return counts;
	}

	private static double dispersion(int[] daily, double mean) {
		if (mean <= 0) {
			return 1;
		}
		double sum = 0;
		for (int count : daily) {
			sum += (count - mean) * (count - mean);
		}
		return Math.max(1, sum / (daily.length - 1) / mean);
	}

	/** P(X >= count), X negative binomial of this mean and variance (else Poisson). */
	private static double upperTail(int count, double mean, double variance) {
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

}
