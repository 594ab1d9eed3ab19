package org.harbinger.alert;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import org.harbinger.engine.ThresholdSet;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentRepository;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Daily counts of an alert's evidence over its indicator's window, and the chart of them as
 * a PNG drawn server-side (Java2D, headless): bars per day, the running count in the
 * window as a line, and the indicator's count threshold as a dashed line. The digest embeds
 * it inline; the dashboard can serve the same bytes.
 */
@Component
public class TrendCharts {

	static final int WIDTH = 560;

	static final int HEIGHT = 170;

	private static final List<String> WINDOW_KEYS = List.of("window-days", "campaign-window-days");

	/** The count a window is judged against, most telling first. */
	private static final List<String> THRESHOLD_KEYS = List.of("min-count", "campaign-count", "critical-count",
			"min-external", "elevated");

	private static final int DEFAULT_WINDOW = 30;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private final AlertRepository alerts;

	private final IncidentRepository incidents;

	private final ObjectProvider<ThresholdSet> thresholds;

	TrendCharts(AlertRepository alerts, IncidentRepository incidents, ObjectProvider<ThresholdSet> thresholds) {
		this.alerts = alerts;
		this.incidents = incidents;
		this.thresholds = thresholds;
	}

	/**
	 * The trend of one alert over the window ending on {@code today}: every incident that was
	 * evidence in any of its transitions, counted on its event date.
	 */
	public AlertTrend trend(long alertId, LocalDate today) {
		Alert alert = this.alerts.find(alertId)
			.orElseThrow(() -> new IllegalArgumentException("no alert with id " + alertId));
		Map<String, Object> values = this.thresholds.getObject().values();
		int window = WINDOW_KEYS.stream()
			.map((key) -> values.get(alert.indicator() + "." + key))
			.filter(Integer.class::isInstance)
			.map(Integer.class::cast)
			.findFirst()
			.orElse(DEFAULT_WINDOW);
		String thresholdName = THRESHOLD_KEYS.stream()
			.filter((key) -> values.get(alert.indicator() + "." + key) instanceof Integer)
			.filter((key) -> !countsOnlyGlobally(alert, key))
			.findFirst()
			.orElse(null);
		Integer threshold = (thresholdName != null) ? (Integer) values.get(alert.indicator() + "." + thresholdName)
				: null;
		Set<String> evidence = new HashSet<>(alert.evidence());
		this.alerts.transitions(alertId).forEach((transition) -> evidence.addAll(transition.evidence()));
		LocalDate from = today.minusDays(window - 1L);
		Map<LocalDate, Integer> perDay = new TreeMap<>();
		Set<String> counted = new HashSet<>();
		for (Incident incident : this.incidents.findByEventIds(evidence)) {
			if (counted.add(incident.eventId()) && !incident.eventDate().isBefore(from)
					&& !incident.eventDate().isAfter(today)) {
				perDay.merge(incident.eventDate(), 1, Integer::sum);
			}
		}
		List<AlertTrend.Day> days = new ArrayList<>();
		int running = 0;
		for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
			int count = perDay.getOrDefault(day, 0);
			running += count;
			days.add(new AlertTrend.Day(day, count, running));
		}
		return new AlertTrend(alertId, alert.indicator(), alert.scope(), window, from, today, days, thresholdName,
				threshold);
	}

	/** external-operations judges its campaign count over all countries, not per country. */
	private static boolean countsOnlyGlobally(Alert alert, String key) {
		return alert.indicator().equals("external-operations") && key.equals("campaign-count")
				&& !alert.scope().equals("global");
	}

	/** The trend as a PNG image of {@value #WIDTH} x {@value #HEIGHT} pixels. */
	public byte[] png(AlertTrend trend) {
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

	private static void draw(Graphics2D g, AlertTrend trend) {
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, WIDTH, HEIGHT);
		int left = 34;
		int right = WIDTH - 12;
		int top = 24;
		int bottom = HEIGHT - 22;
		int max = Math.max(1, Math.max(trend.observed(), Math.max(trend.peak(),
				(trend.threshold() != null) ? trend.threshold() : 0)));
		double perUnit = (bottom - top) / (double) max;
		int n = trend.days().size();
		double slot = (right - left) / (double) Math.max(n, 1);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
		g.setColor(new Color(0xD0D4DA));
		g.drawLine(left, bottom, right, bottom);
		g.drawLine(left, top, left, bottom);
		g.setColor(new Color(0x57606A));
		g.drawString(Integer.toString(max), 6, top + 4);
		g.drawString("0", 6, bottom);
		if (n > 0) {
			g.drawString(DAY.format(trend.from()), left, HEIGHT - 6);
			String last = DAY.format(trend.to());
			g.drawString(last, right - g.getFontMetrics().stringWidth(last), HEIGHT - 6);
		}
		g.setColor(new Color(0x5B8DB8));
		for (int i = 0; i < n; i++) {
			int count = trend.days().get(i).count();
			if (count > 0) {
				int height = (int) Math.round(count * perUnit);
				g.fillRect((int) (left + i * slot + 1), bottom - height, (int) Math.max(1, slot - 2), height);
			}
		}
		Path2D line = new Path2D.Double();
		for (int i = 0; i < n; i++) {
			double x = left + (i + 0.5) * slot;
			double y = bottom - trend.days().get(i).inWindow() * perUnit;
			if (i == 0) {
				line.moveTo(x, y);
			}
			else {
				line.lineTo(x, y);
			}
		}
		g.setColor(new Color(0x1B2A41));
		g.setStroke(new BasicStroke(2f));
		g.draw(line);
		if (trend.threshold() != null) {
			int y = (int) Math.round(bottom - trend.threshold() * perUnit);
			g.setColor(new Color(0xB00020));
			g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 6f, 4f },
					0f));
			g.drawLine(left, y, right, y);
		}
		g.setStroke(new BasicStroke(1f));
		g.setColor(new Color(0x1B1F24));
		g.drawString(legend(trend), left, 14);
	}

	private static String legend(AlertTrend trend) {
		String legend = "bars: incidents per day; line: " + trend.observed() + " in " + trend.windowDays() + " days";
		return (trend.threshold() != null)
				? legend + "; dashed: threshold " + trend.threshold() + " (" + trend.thresholdName() + ")" : legend;
	}

}
