package org.harbinger.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Incidents per day, from {@code from} to {@code to}, with the count over the rule's
 * window ending on each day and the lines the rule compared that count with: the data
 * that both the digest's PNG and the dashboard's SVG chart draw. {@code counted}: the
 * bars are every incident the rule's own condition counts in the alert's scope (a count
 * or ratio rule); otherwise those the alert (or an indicator's alerts) cited.
 * {@code baseline}, for a rule that compares with its own past: the days of the baseline
 * period before the window, and its ratio thresholds, each drawn as the count it implies
 * on each day.
 */
public record AlertTrend(String indicator, int windowDays, LocalDate from, LocalDate to, List<Day> days,
		List<Threshold> thresholds, Baseline baseline, boolean counted) {

	public AlertTrend {
		days = List.copyOf(days);
		thresholds = List.copyOf(thresholds);
	}

	public AlertTrend(String indicator, int windowDays, LocalDate from, LocalDate to, List<Day> days,
			List<Threshold> thresholds) {
		this(indicator, windowDays, from, to, days, thresholds, null, false);
	}

	/**
	 * As {@link #of(String, int, LocalDate, LocalDate, Map, List, Baseline, boolean)} for
	 * cited incidents and no baseline.
	 */
	public static AlertTrend of(String indicator, int windowDays, LocalDate from, LocalDate to,
			Map<LocalDate, Integer> counts, List<Threshold> thresholds) {
		return of(indicator, windowDays, from, to, counts, thresholds, null, false);
	}

	/**
	 * The days from {@code from} to {@code to} with their counts, the count in the window
	 * ending on each and, with a baseline, the mean count per window over the baseline
	 * period before that window; {@code counts} per event date must reach back
	 * {@code windowDays - 1} days before {@code from} (and the baseline's days before
	 * that) so the first days' figures are whole.
	 */
	public static AlertTrend of(String indicator, int windowDays, LocalDate from, LocalDate to,
			Map<LocalDate, Integer> counts, List<Threshold> thresholds, Baseline baseline, boolean counted) {
		List<Day> days = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			int inWindow = sum(counts, day, 0, windowDays);
			double mean = (baseline == null) ? -1
					: (double) sum(counts, day, windowDays, baseline.days()) * windowDays / baseline.days();
			days.add(new Day(day, counts.getOrDefault(day, 0), inWindow, mean));
		}
		return new AlertTrend(indicator, windowDays, from, to, days, thresholds, baseline, counted);
	}

	/**
	 * Incidents dated in the {@code length} days that end {@code offset} days before
	 * {@code day}.
	 */
	private static int sum(Map<LocalDate, Integer> counts, LocalDate day, int offset, int length) {
		int sum = 0;
		for (int back = offset; back < offset + length; back++) {
			sum += counts.getOrDefault(day.minusDays(back), 0);
		}
		return sum;
	}

	/**
	 * One day: the incidents dated that day, those dated in the {@code windowDays} days
	 * ending on it, and the baseline's mean count per window before that window (-1
	 * without one).
	 */
	public record Day(LocalDate date, int count, int inWindow, double baseline) {

		public Day(LocalDate date, int count, int inWindow) {
			this(date, count, inWindow, -1);
		}

	}

	/** A count threshold in force, named without its indicator ({@code min-count}). */
	public record Threshold(String name, int value) {
	}

	/**
	 * A ratio threshold in force ({@code ratio 3.0}), times the factors other rules
	 * applied ({@code factor}).
	 */
	public record Ratio(String name, double ratio, double factor) {

		/** The multiple of the baseline mean that the count must reach. */
		public double effective() {
			return this.ratio * this.factor;
		}

	}

	/**
	 * A baseline of {@code days} days just before the window, and the ratio thresholds
	 * that compare with it.
	 */
	public record Baseline(int days, List<Ratio> ratios) {

		public Baseline {
			ratios = List.copyOf(ratios);
		}

	}

	/**
	 * What a reference line is: the baseline's mean, a ratio threshold's implied count,
	 * or a count threshold.
	 */
	public enum LineKind {

		BASELINE, RATIO, COUNT

	}

	/**
	 * A line to draw over the days, one value per day, with the label a reader sees
	 * beside it.
	 */
	public record Line(String name, LineKind kind, String label, List<Double> values) {

		public Line {
			values = List.copyOf(values);
		}

		/** Its value on the last day: where its label goes. */
		public double last() {
			return this.values.isEmpty() ? 0 : this.values.get(this.values.size() - 1);
		}

	}

	/**
	 * Every line the rule compared the window count with: the baseline mean, each ratio
	 * threshold as the count it implies (ratio x factor x mean) and each count threshold.
	 */
	public List<Line> lines() {
		List<Line> lines = new ArrayList<>();
		if (this.baseline != null) {
			lines.add(new Line("baseline", LineKind.BASELINE, "baseline " + format(last(-1)),
					this.days.stream().map(Day::baseline).toList()));
			for (Ratio ratio : this.baseline.ratios()) {
				lines.add(new Line(ratio.name(), LineKind.RATIO,
						ratio.name() + " x" + format(ratio.effective()) + " = " + format(last(ratio.effective())),
						this.days.stream().map((day) -> ratio.effective() * day.baseline()).toList()));
			}
		}
		for (Threshold threshold : this.thresholds) {
			lines.add(new Line(threshold.name(), LineKind.COUNT, threshold.name() + " " + threshold.value(),
					this.days.stream().map((day) -> (double) threshold.value()).toList()));
		}
		return lines;
	}

	/** The baseline's mean on the last day times {@code ratio} (-1: the mean itself). */
	private double last(double ratio) {
		double mean = this.days.isEmpty() ? 0 : this.days.get(this.days.size() - 1).baseline();
		return (ratio < 0) ? mean : ratio * mean;
	}

	/**
	 * Two decimals at most, as the rule's own detail writes a ratio ({@code x2.01});
	 * {@code 3}, not {@code 3.0}.
	 */
	private static String format(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	/** The count in the window on the last day: what the rule judges now. */
	public int observed() {
		return this.days.isEmpty() ? 0 : this.days.get(this.days.size() - 1).inWindow();
	}

	/**
	 * The largest daily count, count in the window or line, at least 1: where a chart's
	 * scale must reach.
	 */
	public int highest() {
		int days = this.days.stream().mapToInt((day) -> Math.max(day.count(), day.inWindow())).max().orElse(0);
		double lines = lines().stream()
			.flatMap((line) -> line.values().stream())
			.mapToDouble(Double::doubleValue)
			.max()
			.orElse(0);
		return Math.max(1, Math.max(days, (int) Math.ceil(lines)));
	}

	/**
	 * The lines as a reader sees them: {@code min-count 3, critical-count 8}; empty when
	 * none.
	 */
	public String thresholdsText() {
		return lines().stream()
			.filter((line) -> line.kind() != LineKind.BASELINE)
			.map(Line::label)
			.collect(Collectors.joining(", "));
	}

	/** The days that had incidents, oldest first. */
	public List<Day> withIncidents() {
		return this.days.stream().filter((day) -> day.count() > 0).toList();
	}

}
