package org.harbinger.bench;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.harbinger.alert.TransitionKind;
import org.harbinger.backtest.BacktestTransition;

/**
 * How a surge rule did against the surges a {@link SurgeSeries} injected: a surge is
 * detected when an alert of the indicator fires in its scope between its first and last
 * day, after as many days as separate the two; an alert that fires anywhere else is a
 * false alarm. The days after a surge while the window still holds it
 * ({@code windowDays}) belong to that surge: an alert then is late, not false.
 */
public record SurgeScore(int surges, List<Integer> delays, List<BacktestTransition> falseAlarms, double scopeYears) {

	public static SurgeScore of(Collection<BacktestTransition> transitions, String indicator,
			List<SurgeSeries.Surge> surges, int windowDays, double scopeYears) {
		List<BacktestTransition> fired = transitions.stream()
			.filter((t) -> t.indicator().equals(indicator) && t.transition() == TransitionKind.FIRED)
			.toList();
		List<Integer> delays = new ArrayList<>();
		for (SurgeSeries.Surge surge : surges) {
			fired.stream()
				.filter((t) -> t.scope().equals(surge.scope()) && within(t.date(), surge.first(), surge.last()))
				.findFirst()
				.ifPresent((t) -> delays.add((int) ChronoUnit.DAYS.between(surge.first(), t.date())));
		}
		List<BacktestTransition> falseAlarms = fired.stream()
			.filter((t) -> surges.stream()
				.noneMatch((s) -> s.scope().equals(t.scope())
						&& within(t.date(), s.first(), s.last().plusDays(windowDays))))
			.toList();
		return new SurgeScore(surges.size(), delays, falseAlarms, scopeYears);
	}

	private static boolean within(LocalDate day, LocalDate first, LocalDate last) {
		return !day.isBefore(first) && !day.isAfter(last);
	}

	public static SurgeScore none() {
		return new SurgeScore(0, List.of(), List.of(), 0);
	}

	/** Two scores as one, as if from one longer run. */
	public SurgeScore plus(SurgeScore other) {
		List<Integer> all = new ArrayList<>(this.delays);
		all.addAll(other.delays);
		List<BacktestTransition> falseAlarms = new ArrayList<>(this.falseAlarms);
		falseAlarms.addAll(other.falseAlarms);
		return new SurgeScore(this.surges + other.surges, all, falseAlarms, this.scopeYears + other.scopeYears);
	}

	public double recall() {
		return (this.surges == 0) ? 0 : (double) this.delays.size() / this.surges;
	}

	/**
	 * The delay below which {@code fraction} of the detections came, in days; NaN when
	 * none.
	 */
	public double delayPercentile(double fraction) {
		if (this.delays.isEmpty()) {
			return Double.NaN;
		}
		List<Integer> sorted = this.delays.stream().sorted().toList();
		return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1));
	}

	public double falseAlarmsPerScopeYear() {
		return this.falseAlarms.size() / this.scopeYears;
	}

	/** One line of the report. */
	public String line(String label) {
		return String.format("%-10s %7d %8d %7.2f %9.0f %9.0f %7d %10.3f", label, this.surges, this.delays.size(),
				recall(), delayPercentile(0.5), delayPercentile(0.9), this.falseAlarms.size(),
				falseAlarmsPerScopeYear());
	}

	public static String header() {
		return String.format("%-10s %7s %8s %7s %9s %9s %7s %10s", "per week", "surges", "detected", "recall",
				"median d", "p90 d", "false", "FA/scope-y");
	}

}
