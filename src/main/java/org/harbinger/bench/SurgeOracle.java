package org.harbinger.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.harbinger.alert.TransitionKind;
import org.harbinger.backtest.BacktestTransition;
import org.harbinger.engine.Severity;

/**
 * The ceiling of {@code bench surge} (docs/performance.md, "Surge detection"): a detector
 * that knows what a rule has to estimate from its baseline, the generator's own rate and
 * burstiness, and so the exact chance of each day's count before and during a 3x or a 5x
 * surge. Each day it scores the window's days by their exact log likelihood ratio and
 * fires when some span of the window sums to the threshold for either jump: the rules'
 * CUSUM with nothing left to estimate. What it cannot find at a false-alarm rate, no rule
 * with the same window can find by knowing the baseline better.
 */
public final class SurgeOracle {

	private static final double[] JUMPS = { 3, 5 };

	/** Counts above this are scored as this: far beyond any day the benchmark makes. */
	private static final int MAX_COUNT = 200;

	private final double[][] scores = new double[JUMPS.length][];

	private final int windowDays;

	private final double threshold;

	public SurgeOracle(double perWeek, SurgeSeries.Shape shape, int windowDays, double threshold) {
		double clustersPerDay = perWeek / 7.0 / (1 + shape.meanCompanions());
		double[] baseline = dayCounts(clustersPerDay, shape);
		for (int j = 0; j < JUMPS.length; j++) {
			double[] jumped = dayCounts(clustersPerDay * JUMPS[j], shape);
			this.scores[j] = new double[MAX_COUNT + 1];
			for (int x = 0; x <= MAX_COUNT; x++) {
				this.scores[j][x] = Math
					.log(Math.max(jumped[x], Double.MIN_NORMAL) / Math.max(baseline[x], Double.MIN_NORMAL));
			}
		}
		this.windowDays = windowDays;
		this.threshold = threshold;
	}

	/**
	 * The alerts the oracle fires on {@code series} from {@code start}, each scope from
	 * the day a rule with these windows could first fire: FIRED transitions of
	 * {@code indicator}.
	 */
	public List<BacktestTransition> fire(String indicator, SurgeSeries series, LocalDate start, int baselineDays) {
		List<BacktestTransition> fired = new ArrayList<>();
		for (Map.Entry<String, int[]> scope : series.dailyCounts().entrySet()) {
			int[] counts = scope.getValue();
			boolean on = false;
			for (int today = this.windowDays + baselineDays - 1; today < counts.length; today++) {
				boolean now = surge(counts, today);
				if (now && !on) {
					fired.add(new BacktestTransition(start.plusDays(today), indicator, scope.getKey(), Severity.WARNING,
							TransitionKind.FIRED, List.of(), "oracle", null));
				}
				on = now;
			}
		}
		return fired;
	}

	private boolean surge(int[] counts, int today) {
		for (double[] score : this.scores) {
			double sum = 0;
			for (int day = today - this.windowDays + 1; day <= today; day++) {
				sum = Math.max(0, sum + score[Math.min(counts[day], MAX_COUNT)]);
				if (sum >= this.threshold) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The chance of each day's count 0 to MAX_COUNT: a negative binomial number of
	 * clusters (gamma rate of this shape, Poisson count), each one event plus Poisson
	 * companions, as {@link SurgeSeries} draws them.
	 */
	static double[] dayCounts(double clustersPerDay, SurgeSeries.Shape shape) {
		double size = shape.dailyRateShape();
		double success = size / (size + clustersPerDay);
		double[] clusters = new double[MAX_COUNT + 1];
		clusters[0] = Math.pow(success, size);
		for (int n = 1; n <= MAX_COUNT; n++) {
			clusters[n] = clusters[n - 1] * (n - 1 + size) / n * (1 - success);
		}
		double[] events = new double[MAX_COUNT + 1];
		for (int n = 0; n <= MAX_COUNT; n++) {
			double companions = n * shape.meanCompanions();
			// Poisson(companions) for the events beyond one per cluster.
			double term = Math.exp(-companions);
			for (int extra = 0; n + extra <= MAX_COUNT; extra++) {
				events[n + extra] += clusters[n] * term;
				term *= companions / (extra + 1);
			}
		}
		return events;
	}

}
