package org.harbinger.alert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Incidents per day, from {@code from} to {@code to}, among the ones an alert (or every alert
 * of an indicator) cited as evidence, with the count over the rule's window ending on each
 * day and the indicator's count thresholds in force: the data that both the digest's PNG
 * and the dashboard's SVG chart draw.
 */
public record AlertTrend(String indicator, int windowDays, LocalDate from, LocalDate to, List<Day> days,
		List<Threshold> thresholds) {

	public AlertTrend {
		days = List.copyOf(days);
		thresholds = List.copyOf(thresholds);
	}

	/**
	 * The days from {@code from} to {@code to} with their counts and the count in the window
	 * ending on each; {@code counts} per event date must reach back {@code windowDays - 1}
	 * days before {@code from} so the first days' window counts are whole.
	 */
	public static AlertTrend of(String indicator, int windowDays, LocalDate from, LocalDate to,
			Map<LocalDate, Integer> counts, List<Threshold> thresholds) {
		List<Day> days = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			int inWindow = 0;
			for (int back = 0; back < windowDays; back++) {
				inWindow += counts.getOrDefault(day.minusDays(back), 0);
			}
			days.add(new Day(day, counts.getOrDefault(day, 0), inWindow));
		}
		return new AlertTrend(indicator, windowDays, from, to, days, thresholds);
	}

	/** One day: the incidents dated that day, and those dated in the {@code windowDays} days ending on it. */
	public record Day(LocalDate date, int count, int inWindow) {
	}

	/** A count threshold in force, named without its indicator ({@code min-count}). */
	public record Threshold(String name, int value) {
	}

	/** The count in the window on the last day: what the rule judges now. */
	public int observed() {
		return this.days.isEmpty() ? 0 : this.days.get(this.days.size() - 1).inWindow();
	}

	/** The largest daily count, count in the window or threshold, at least 1: where a chart's scale must reach. */
	public int highest() {
		int days = this.days.stream().mapToInt((day) -> Math.max(day.count(), day.inWindow())).max().orElse(0);
		int thresholds = this.thresholds.stream().mapToInt(Threshold::value).max().orElse(0);
		return Math.max(1, Math.max(days, thresholds));
	}

	/** The thresholds as a reader sees them: {@code min-count 3, critical-count 8}; empty when none. */
	public String thresholdsText() {
		return this.thresholds.stream()
			.map((threshold) -> threshold.name() + " " + threshold.value())
			.collect(Collectors.joining(", "));
	}

	/** The days that had incidents, oldest first. */
	public List<Day> withIncidents() {
		return this.days.stream().filter((day) -> day.count() > 0).toList();
	}

}
