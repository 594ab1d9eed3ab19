package org.harbinger.digest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.harbinger.alert.AlertTrend;

/**
 * An {@link AlertTrend} as a PNG for mail (Java2D, headless): bars of daily counts, the
 * window count as a solid line, and each line the rule compared it with (the baseline
 * dotted, thresholds dashed). Line labels sit in a gutter right of the plot, moved apart
 * so that none covers another or any line; the legend sits above the plot.
 */
public final class TrendPng {

	public static final int WIDTH = 560;

	public static final int HEIGHT = 190;

	/** Where the plot ends and the label gutter begins. */
	static final int PLOT_RIGHT = WIDTH - 140;

	static final int PLOT_TOP = 40;

	static final int PLOT_BOTTOM = HEIGHT - 22;

	static final int PLOT_LEFT = 34;

	private static final int LABEL_HEIGHT = 12;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private static final Color BASELINE = new Color(0x57606A);

	private static final Color THRESHOLD = new Color(0xB00020);

	private TrendPng() {
	}

	/** A label of a line, placed at {@code y} (its baseline) in the gutter. */
	record Label(String text, int x, int y, AlertTrend.LineKind kind) {
	}

	/** The trend as a PNG image of {@value #WIDTH} x {@value #HEIGHT} pixels. */
	public static byte[] png(AlertTrend trend) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			draw(g, trend);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The y of a count on the plot's scale. */
	static double y(AlertTrend trend, double count) {
		return PLOT_BOTTOM - count * (PLOT_BOTTOM - PLOT_TOP) / (double) trend.highest();
	}

	/**
	 * The lines' labels, each at its line's last value if it can, else moved down (then
	 * up) until {@value #LABEL_HEIGHT} px clear of every other: all in the gutter, right
	 * of every line.
	 */
	static List<Label> labels(AlertTrend trend) {
		List<Label> placed = new ArrayList<>();
		trend.lines()
			.stream()
			.sorted(Comparator.comparingDouble((AlertTrend.Line line) -> y(trend, line.last())))
			.forEach((line) -> {
				int y = (int) Math.round(y(trend, line.last())) + 4;
				int previous = placed.isEmpty() ? Integer.MIN_VALUE : placed.get(placed.size() - 1).y();
				placed.add(new Label(line.label(), PLOT_RIGHT + 6, Math.max(y, previous + LABEL_HEIGHT), line.kind()));
			});
		// Pushed below the plot: move the stack up so the last one fits.
		int overflow = placed.isEmpty() ? 0 : placed.get(placed.size() - 1).y() - (PLOT_BOTTOM + 4);
		if (overflow > 0) {
			placed.replaceAll((label) -> new Label(label.text(), label.x(), label.y() - overflow, label.kind()));
		}
		return placed;
	}

	private static void draw(Graphics2D g, AlertTrend trend) {
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, WIDTH, HEIGHT);
		int n = trend.days().size();
		double slot = (PLOT_RIGHT - PLOT_LEFT) / (double) Math.max(n, 1);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
		g.setColor(new Color(0xD0D4DA));
		g.drawLine(PLOT_LEFT, PLOT_BOTTOM, PLOT_RIGHT, PLOT_BOTTOM);
		g.drawLine(PLOT_LEFT, PLOT_TOP, PLOT_LEFT, PLOT_BOTTOM);
		g.setColor(BASELINE);
		g.drawString(Integer.toString(trend.highest()), 6, PLOT_TOP + 4);
		g.drawString("0", 6, PLOT_BOTTOM);
		if (n > 0) {
			g.drawString(DAY.format(trend.from()), PLOT_LEFT, HEIGHT - 6);
			String last = DAY.format(trend.to());
			g.drawString(last, PLOT_RIGHT - g.getFontMetrics().stringWidth(last), HEIGHT - 6);
		}
		g.setColor(new Color(0x5B8DB8));
		for (int i = 0; i < n; i++) {
			int count = trend.days().get(i).count();
			if (count > 0) {
				int top = (int) Math.round(y(trend, count));
				g.fillRect((int) (PLOT_LEFT + i * slot + 1), top, (int) Math.max(1, slot - 2), PLOT_BOTTOM - top);
			}
		}
		g.setColor(new Color(0x1B2A41));
		g.setStroke(new BasicStroke(2f));
		g.draw(path(trend, trend.days().stream().map((day) -> (double) day.inWindow()).toList(), slot));
		for (AlertTrend.Line line : trend.lines()) {
			boolean baseline = line.kind() == AlertTrend.LineKind.BASELINE;
			g.setColor(baseline ? BASELINE : THRESHOLD);
			g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
					baseline ? new float[] { 2f, 3f } : new float[] { 6f, 4f }, 0f));
			g.draw(path(trend, line.values(), slot));
		}
		g.setStroke(new BasicStroke(1f));
		for (Label label : labels(trend)) {
			g.setColor((label.kind() == AlertTrend.LineKind.BASELINE) ? BASELINE : THRESHOLD);
			g.drawString(fit(g.getFontMetrics(), label.text(), WIDTH - label.x() - 2), label.x(), label.y());
		}
		g.setColor(new Color(0x1B1F24));
		g.drawString(legend(trend, 1), PLOT_LEFT, 14);
		g.drawString(legend(trend, 2), PLOT_LEFT, 28);
	}

	private static Path2D path(AlertTrend trend, List<Double> values, double slot) {
		Path2D path = new Path2D.Double();
		for (int i = 0; i < values.size(); i++) {
			double x = PLOT_LEFT + (i + 0.5) * slot;
			double y = y(trend, values.get(i));
			if (i == 0) {
				path.moveTo(x, y);
			}
			else {
				path.lineTo(x, y);
			}
		}
		return path;
	}

	private static String fit(FontMetrics metrics, String text, int width) {
		String fitted = text;
		while (fitted.length() > 1 && metrics.stringWidth(fitted) > width) {
			fitted = fitted.substring(0, fitted.length() - 2) + "\u2026";
		}
		return fitted;
	}

	private static String legend(AlertTrend trend, int row) {
		if (row == 1) {
			return "bars: " + (trend.counted() ? "incidents the rule counts" : "incidents the alert cited")
					+ " per day; line: in the last " + trend.windowDays() + " days, " + trend.observed() + " now";
		}
		return (trend.baseline() != null) ? "dotted: baseline mean per " + trend.windowDays() + " days over the "
				+ trend.baseline().days() + " before; dashed: thresholds"
				: (trend.lines().isEmpty() ? "" : "dashed: thresholds");
	}

}
