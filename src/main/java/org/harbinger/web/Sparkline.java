package org.harbinger.web;

import java.util.List;

import org.harbinger.alert.AlertTrend;

/**
 * A word-sized chart for the trends list: the count over the rule's window, on each day
 * of the period, of the incidents the indicator's alerts cited (as the indicator's trend
 * chart), as one polyline in a small inline SVG, with a dot on the last day. The scale
 * starts at zero, so a flat line at the bottom means nothing counted; the title and the
 * text beside it give the numbers.
 */
record Sparkline(int width, int height, String points, double lastX, double lastY, int last, int peak, String summary) {

	static final int WIDTH = 120;

	static final int HEIGHT = 28;

	/** Room for the stroke and the end dot, so neither is cut at the edges. */
	private static final double PAD = 3;

	static Sparkline of(AlertTrend trend) {
		List<AlertTrend.Day> days = trend.days();
		int peak = days.stream().mapToInt(AlertTrend.Day::inWindow).max().orElse(0);
		double step = (days.size() > 1) ? (WIDTH - 2 * PAD) / (days.size() - 1) : 0;
		double scale = (HEIGHT - 2 * PAD) / Math.max(peak, 1);
		StringBuilder points = new StringBuilder();
		double x = PAD;
		double y = HEIGHT - PAD;
		for (int i = 0; i < days.size(); i++) {
			x = MapProjection.round(PAD + i * step);
			y = MapProjection.round(HEIGHT - PAD - days.get(i).inWindow() * scale);
			points.append(x).append(',').append(y).append(' ');
		}
		int last = days.isEmpty() ? 0 : days.get(days.size() - 1).inWindow();
		String summary = "In the last " + trend.windowDays() + " days: " + last + " on " + trend.to() + ", at most "
				+ peak + " since " + trend.from();
		return new Sparkline(WIDTH, HEIGHT, points.toString().strip(), x, y, last, peak, summary);
	}

}
