package org.harbinger.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry of a trend chart, drawn as inline SVG by the chart fragment: bars of daily
 * counts, a line of the count over the rule's window, a dashed line per count threshold,
 * and a mark per transition. Everything is computed here so the template only places shapes.
 */
record SvgChart(int width, int height, int left, int top, int right, int bottom, List<Bar> bars, String windowLine,
		List<Level> thresholds, List<Tick> xTicks, List<Tick> yTicks, List<Mark> marks, List<Day> days, int windowDays,
		String summary) {

	private static final int WIDTH = 760;

	private static final int HEIGHT = 240;

	private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("d MMM yy", Locale.ENGLISH);

	/** One day's bar. */
	record Bar(double x, double y, double width, double height, String title) {
	}

	/** A horizontal threshold line with its label. */
	record Level(double y, String label) {
	}

	/** An axis label at a position along its axis. */
	record Tick(double position, String label) {
	}

	/** A transition on the time axis; {@code kind} is its CSS class. */
	record Mark(double x, String kind, String title) {
	}

	/** A day with incidents, for the chart's table form. */
	record Day(LocalDate date, int count, int window) {
	}

	/** A threshold to draw: its name and value. */
	record Threshold(String label, int value) {
	}

	/** A transition to mark: its date, kind and a short description. */
	record Event(LocalDate date, String kind, String title) {
	}

	/**
	 * Lays out the days from {@code from} to {@code to}; {@code counts} must reach back
	 * {@code windowDays - 1} days before {@code from} so the window line starts right.
	 */
	static SvgChart of(LocalDate from, LocalDate to, Map<LocalDate, Integer> counts, int windowDays,
			List<Threshold> thresholds, List<Event> events) {
		int left = 44;
		int top = 12;
		int right = WIDTH - 12;
		int bottom = HEIGHT - 28;
		int dayCount = (int) ChronoUnit.DAYS.between(from, to) + 1;
		int[] daily = new int[dayCount];
		int[] window = new int[dayCount];
		int peak = 0;
		List<Day> days = new ArrayList<>();
		for (int i = 0; i < dayCount; i++) {
			LocalDate day = from.plusDays(i);
			daily[i] = counts.getOrDefault(day, 0);
			int sum = 0;
			for (int back = 0; back < windowDays; back++) {
				sum += counts.getOrDefault(day.minusDays(back), 0);
			}
			window[i] = sum;
			peak = Math.max(peak, Math.max(daily[i], sum));
			if (daily[i] > 0) {
				days.add(new Day(day, daily[i], sum));
			}
		}
		for (Threshold threshold : thresholds) {
			peak = Math.max(peak, threshold.value());
		}
		// About five round steps up to the peak, so axis labels read at a glance.
		int yStep = roundStep((Math.max(peak, 1) + 4) / 5);
		int max = yStep * ((Math.max(peak, 1) + yStep - 1) / yStep);
		double step = (double) (right - left) / dayCount;
		double scale = (double) (bottom - top) / max;
		List<Bar> bars = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < dayCount; i++) {
			double x = left + i * step;
			if (daily[i] > 0) {
				double height = daily[i] * scale;
				bars.add(new Bar(round(x + step * 0.1), round(bottom - height), round(Math.max(step * 0.8, 1)),
						round(height), from.plusDays(i) + ": " + daily[i] + ((daily[i] == 1) ? " incident" : " incidents")));
			}
			line.append(round(x + step / 2)).append(',').append(round(bottom - window[i] * scale)).append(' ');
		}
		List<Level> levels = thresholds.stream()
			.map((threshold) -> new Level(round(bottom - threshold.value() * scale),
					threshold.label() + " " + threshold.value()))
			.toList();
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
		String summary = summary(from, to, days, windowDays, thresholds);
		return new SvgChart(WIDTH, HEIGHT, left, top, right, bottom, bars, line.toString().strip(), levels, xTicks,
				yTicks, marks, days, windowDays, summary);
	}

	private static String summary(LocalDate from, LocalDate to, List<Day> days, int windowDays,
			List<Threshold> thresholds) {
		int total = days.stream().mapToInt(Day::count).sum();
		StringBuilder text = new StringBuilder(total + ((total == 1) ? " incident" : " incidents") + " from " + from
				+ " to " + to);
		days.stream()
			.max((a, b) -> Integer.compare(a.window(), b.window()))
			.ifPresent((day) -> text.append("; at most ").append(day.window()).append(" in ").append(windowDays)
				.append(" days, on ").append(day.date()));
		thresholds.forEach((threshold) -> text.append("; threshold ")
			.append(threshold.label())
			.append(' ')
			.append(threshold.value()));
		return text.append('.').toString();
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
