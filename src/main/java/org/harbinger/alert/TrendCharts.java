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
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.harbinger.engine.RuleMetadata;
import org.harbinger.engine.RuleReloader;
import org.harbinger.engine.ThresholdType;
import org.harbinger.incident.IncidentRepository;

import org.springframework.stereotype.Component;

/**
 * The one computation of an alert's trend ({@link AlertTrend}: daily counts of its evidence,
 * the count over the rule's window on each day, the count thresholds in force), and its
 * chart as a PNG drawn server-side (Java2D, headless) for the digest, which embeds it
 * inline. The dashboard draws the same data as inline SVG.
 */
@Component
public class TrendCharts {

	static final int WIDTH = 560;

	static final int HEIGHT = 170;

	private static final int DEFAULT_WINDOW = 30;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private final AlertRepository alerts;

	private final IncidentRepository incidents;

	private final RuleReloader reloader;

	TrendCharts(AlertRepository alerts, IncidentRepository incidents, RuleReloader reloader) {
		this.alerts = alerts;
		this.incidents = incidents;
		this.reloader = reloader;
	}

	/** {@link #trend(Alert, List, LocalDate)} of the alert with that id, with its transitions. */
	public AlertTrend trend(long alertId, LocalDate to) {
		Alert alert = this.alerts.find(alertId)
			.orElseThrow(() -> new IllegalArgumentException("no alert with id " + alertId));
		return trend(alert, this.alerts.transitions(alertId), to);
	}

	/**
	 * The alert's evidence and severity evidence (now and at each transition) over twice the
	 * rule's window (30 to 180 days) ending on {@code to}, so the chart shows how the count
	 * got where it is.
	 */
	public AlertTrend trend(Alert alert, List<Transition> transitions, LocalDate to) {
		// With the incidents behind a severity that a wider count decided (cross-border-fire's
		// countries), so the window line shows the count the rule compared, not one country's.
		Set<String> evidence = new LinkedHashSet<>(alert.evidence());
		evidence.addAll(alert.severityEvidence());
		transitions.forEach((transition) -> {
			evidence.addAll(transition.evidence());
			evidence.addAll(transition.severityEvidence());
		});
		int days = Math.min(Math.max(2 * windowDays(indicator(alert.indicator())), 30), 180);
		AlertTrend trend = trend(alert.indicator(), evidence, to.minusDays(days - 1L), to);
		return new AlertTrend(trend.indicator(), trend.windowDays(), trend.from(), trend.to(), trend.days(),
				trend.thresholds().stream().filter((threshold) -> !judgedOnlyGlobally(alert, threshold)).toList());
	}

	/** external-operations judges its campaign count over all countries, not in one country's alert. */
	private static boolean judgedOnlyGlobally(Alert alert, AlertTrend.Threshold threshold) {
		return alert.indicator().equals("external-operations") && threshold.name().equals("campaign-count")
				&& !alert.scope().equals("global");
	}

	/** Every cited incident of the given transitions (an indicator's alerts), over {@code days} ending on {@code to}. */
	public AlertTrend trend(String indicator, List<Transition> transitions, LocalDate to, int days) {
		Set<String> evidence = new LinkedHashSet<>();
		transitions.forEach((transition) -> evidence.addAll(transition.evidence()));
		return trend(indicator, evidence, to.minusDays(days - 1L), to);
	}

	private AlertTrend trend(String indicator, Collection<String> evidence, LocalDate from, LocalDate to) {
		RuleMetadata metadata = indicator(indicator);
		int window = windowDays(metadata);
		// Counted from a window before the first day, so the first day's window count is whole.
		Map<LocalDate, Integer> counts = this.incidents.countPerDay(evidence, from.minusDays(window - 1L), to);
		return AlertTrend.of(indicator, window, from, to, counts, countThresholds(metadata));
	}

	/** The indicator in force, or null when no loaded rule declares it any more. */
	private RuleMetadata indicator(String id) {
		return this.reloader.rules().indicators().get(id);
	}

	/** The days the indicator counts over: its window-days, else its first DAYS setting, else 30. */
	private int windowDays(RuleMetadata indicator) {
		Integer first = null;
		if (indicator != null) {
			Map<String, Object> values = this.reloader.thresholds().values();
			for (Map.Entry<String, ThresholdType> setting : indicator.thresholds().entrySet()) {
				if (setting.getValue() == ThresholdType.DAYS && values.get(setting.getKey()) instanceof Integer days) {
					if (setting.getKey().equals(indicator.id() + ".window-days")) {
						return days;
					}
					first = (first != null) ? first : days;
				}
			}
		}
		return (first != null) ? first : DEFAULT_WINDOW;
	}

	/** Every COUNT setting named {@code *-count}: a number of incidents in the window, drawn as a line. */
	private List<AlertTrend.Threshold> countThresholds(RuleMetadata indicator) {
		List<AlertTrend.Threshold> thresholds = new ArrayList<>();
		if (indicator != null) {
			Map<String, Object> values = this.reloader.thresholds().values();
			indicator.thresholds().forEach((key, type) -> {
				String name = key.substring(indicator.id().length() + 1);
				if (type == ThresholdType.COUNT && name.endsWith("-count") && values.get(key) instanceof Integer value) {
					thresholds.add(new AlertTrend.Threshold(name, value));
				}
			});
		}
		return thresholds;
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
		int max = trend.highest();
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
		g.setColor(new Color(0xB00020));
		g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 6f, 4f },
				0f));
		for (AlertTrend.Threshold threshold : trend.thresholds()) {
			int y = (int) Math.round(bottom - threshold.value() * perUnit);
			g.drawLine(left, y, right, y);
		}
		g.setStroke(new BasicStroke(1f));
		g.setColor(new Color(0x1B1F24));
		g.drawString(legend(trend), left, 14);
	}

	private static String legend(AlertTrend trend) {
		String legend = "bars: incidents per day; line: incidents in the last " + trend.windowDays() + " days, "
				+ trend.observed() + " now";
		return trend.thresholds().isEmpty() ? legend : legend + "; dashed: " + trend.thresholdsText();
	}

}
