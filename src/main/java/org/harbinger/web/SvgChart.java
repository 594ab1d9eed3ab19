package org.harbinger.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.harbinger.alert.AlertTrend;

/**
 * The geometry of a trend chart, drawn as inline SVG by the chart fragment: bars of daily
 * counts, a line of the count over the rule's window, the baseline (dotted) and a dashed
 * line per threshold (a ratio one as the count it implies each day), and a mark per
 * transition. Line labels sit in a gutter right of the plot, spaced so none overlaps
 * another or a line. Everything is computed here so the template only places shapes.
 */
record SvgChart(int width, int height, int left, int top, int right, int bottom, List<Bar> bars, String windowLine,
		List<Level> thresholds, List<Tick> xTicks, List<Tick> yTicks, List<Mark> marks, List<AlertTrend.Day> days,
		int windowDays, int baselineDays, boolean counted, String summary) {

	private static final int WIDTH = 760;

	private static final int HEIGHT = 240;

	/** Room right of the plot for the lines' labels. */
	private static final int GUTTER = 170;

	/** The least distance between two labels' baselines, so that none covers another. */
	private static final int LABEL_SPACING = 13;

	private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("d MMM yy", Locale.ENGLISH);

	/** One day's bar. */
	record Bar(double x, double y, double width, double height, String title) {
	}

	/**
	 * A line the rule compared the window count with: {@code kind} (baseline, ratio,
	 * count) is its CSS class, {@code lineY} its height on the last day, {@code labelY}
	 * where its label is written in the gutter.
	 */
	record Level(String kind, String points, double lineY, double labelY, String label) {
	}

	/** An axis label at a position along its axis. */
	record Tick(double position, String label) {
	}

	/** A transition on the time axis; {@code kind} is its CSS class. */
	record Mark(double x, String kind, String title) {
	}

	/** A transition to mark: its date, kind and a short description. */
	record Event(LocalDate date, String kind, String title) {
	}

	/**
	 * Lays out the trend's days (the table form lists those with incidents) and marks the
	 * events inside them.
	 */
	static SvgChart of(AlertTrend trend, List<Event> events) {
		int left = 44;
		int top = 12;
		int right = WIDTH - GUTTER;
		int bottom = HEIGHT - 28;
		LocalDate from = trend.from();
		LocalDate to = trend.to();
		List<AlertTrend.Day> all = trend.days();
		int dayCount = all.size();
		// About five round steps up to the peak, so axis labels read at a glance.
		int yStep = roundStep((trend.highest() + 4) / 5);
		int max = yStep * ((trend.highest() + yStep - 1) / yStep);
		double step = (double) (right - left) / Math.max(dayCount, 1);
		double scale = (double) (bottom - top) / max;
		List<Bar> bars = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < dayCount; i++) {
			AlertTrend.Day day = all.get(i);
			double x = left + i * step;
			if (day.count() > 0) {
				double height = day.count() * scale;
				bars.add(new Bar(round(x + step * 0.1), round(bottom - height), round(Math.max(step * 0.8, 1)),
						round(height),
						day.date() + ": " + day.count() + ((day.count() == 1) ? " incident" : " incidents")));
			}
			line.append(round(x + step / 2)).append(',').append(round(bottom - day.inWindow() * scale)).append(' ');
		}
		List<Level> levels = levels(trend, left, step, bottom, scale);
		List<Tick> xTicks = new ArrayList<>();
		int every = Math.max(1, dayCount / 6);
		for (int i = 0; i < dayCount; i += every) {
			xTicks.add(new Tick(round(left + i * step + step / 2), TICK.format(from.plusDays(i))));
		}
		List<Tick> yTicks = new ArrayList<>();
		for (int value = 0; value <= max; value += yStep) {
			yTicks.add(new Tick(round(bottom - value * scale), String.valueOf(value)));
		}
		List<Mark> marks = events.stream()
			.filter((event) -> !event.date().isBefore(from) && !event.date().isAfter(to))
			.map((event) -> new Mark(round(left + ChronoUnit.DAYS.between(from, event.date()) * step + step / 2),
					event.kind(), event.title()))
			.toList();
		List<AlertTrend.Day> days = trend.withIncidents();
		return new SvgChart(WIDTH, HEIGHT, left, top, right, bottom, bars, line.toString().strip(), levels, xTicks,
				yTicks, marks, days, trend.windowDays(), (trend.baseline() != null) ? trend.baseline().days() : 0,
				trend.counted(), summary(trend, days));
	}

	private static String summary(AlertTrend trend, List<AlertTrend.Day> days) {
		int total = days.stream().mapToInt(AlertTrend.Day::count).sum();
		StringBuilder text = new StringBuilder(
				total + ((total == 1) ? " incident" : " incidents") + " from " + trend.from() + " to " + trend.to());
		days.stream()
			.max((a, b) -> Integer.compare(a.inWindow(), b.inWindow()))
			.ifPresent((day) -> text.append("; at most ")
				.append(day.inWindow())
				.append(" in ")
				.append(trend.windowDays())
				.append(" days, on ")
				.append(day.date()));
		trend.lines().forEach((line) -> text.append("; ").append(line.label()));
		return text.append('.').toString();
	}

	/**
	 * Each line as points over the days, its label at its last value, pushed down past
	 * the one above.
	 */
	private static List<Level> levels(AlertTrend trend, int left, double step, int bottom, double scale) {
		List<Level> levels = new ArrayList<>();
		for (AlertTrend.Line line : trend.lines()) {
			StringBuilder points = new StringBuilder();
			for (int i = 0; i < line.values().size(); i++) {
				points.append(round(left + i * step + step / 2))
					.append(',')
					.append(round(bottom - line.values().get(i) * scale))
					.append(' ');
			}
			double y = round(bottom - line.last() * scale);
			levels.add(new Level(line.kind().name().toLowerCase(Locale.ROOT), points.toString().strip(), y, y + 4,
					line.label()));
		}
		levels.sort((a, b) -> Double.compare(a.lineY(), b.lineY()));
		for (int i = 1; i < levels.size(); i++) {
			Level above = levels.get(i - 1);
			Level level = levels.get(i);
			if (level.labelY() < above.labelY() + LABEL_SPACING) {
				levels.set(i, new Level(level.kind(), level.points(), level.lineY(), above.labelY() + LABEL_SPACING,
						level.label()));
			}
		}
		return levels;
	}

	/** 1, 2, 5, 10, 20, 50... at or above the value. */
	private static int roundStep(int value) {
		int magnitude = 1;
		while (true) {
			for (int factor : new int[] { 1, 2, 5 }) {
				if (factor * magnitude >= value) {
					return factor * magnitude;
				}
			}
			magnitude *= 10;
		}
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
