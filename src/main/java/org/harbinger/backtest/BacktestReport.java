package org.harbinger.backtest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.harbinger.alert.TransitionKind;
import org.harbinger.engine.Severity;
import org.harbinger.ingest.OfflineIngest;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backtest's outcome as JSON (the interface other tools read), a text timeline, or HTML
 * with a chart per indicator.
 */
public record BacktestReport(OfflineIngest.Read imported, LocalDate from, LocalDate to,
		List<BacktestTransition> transitions) {

	public String json() {
		Map<String, Object> report = new LinkedHashMap<>();
		// Ordered maps: Map.of iterates in a different order in each JVM, and the same
		// replay must print the same bytes.
		Map<String, Object> imported = new LinkedHashMap<>();
		imported.put("accepted", this.imported.accepted());
		imported.put("rejected", this.imported.rejected());
		imported.put("errors", this.imported.errors().stream().map((error) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("line", error.line());
			row.put("reason", error.reason());
			return row;
		}).toList());
		report.put("import", imported);
		report.put("transitions", this.transitions.stream().map((t) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("date", t.date().toString());
			row.put("indicator", t.indicator());
			row.put("scope", t.scope());
			row.put("severity", t.severity().name());
			row.put("transition", t.transition().name());
			row.put("evidence", t.evidence());
			row.put("detail", t.detail());
			if (t.severityReason() != null) {
				row.put("severity_reason", t.severityReason());
			}
			return row;
		}).toList());
		return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report);
	}

	/** Per indicator, the transitions in date order. */
	Map<String, List<BacktestTransition>> byIndicator() {
		Map<String, List<BacktestTransition>> grouped = new TreeMap<>();
		this.transitions.forEach((t) -> grouped.computeIfAbsent(t.indicator(), (key) -> new ArrayList<>()).add(t));
		return grouped;
	}

	public String text() {
		StringBuilder out = new StringBuilder();
		out.append("Backtest ")
			.append(this.from)
			.append(" to ")
			.append(this.to)
			.append(": ")
			.append(this.imported.accepted())
			.append(" incidents imported, ")
			.append(this.imported.rejected())
			.append(" rows refused, ")
			.append(this.transitions.size())
			.append(" transitions\n");
		this.imported.errors()
			.forEach((error) -> out.append("  line ")
				.append(error.line())
				.append(": ")
				.append(error.reason())
				.append('\n'));
		byIndicator().forEach((indicator, steps) -> {
			out.append('\n').append(indicator).append('\n');
			for (BacktestTransition t : steps) {
				out.append(String.format("  %s  %-11s %-8s %-30s %s%n", t.date(), t.transition(), t.severity(),
						t.scope(), String.join(" ", t.evidence().subList(0, Math.min(6, t.evidence().size())))
								+ ((t.evidence().size() > 6) ? " +" + (t.evidence().size() - 6) + " more" : "")));
				if (t.severityReason() != null) {
					out.append("      ")
						.append(t.severity())
						.append(" because: ")
						.append(t.severityReason())
						.append('\n');
				}
			}
		});
		if (this.transitions.isEmpty()) {
			out.append("\nNo indicator fired.\n");
		}
		return out.toString();
	}

	public String html() {
		StringBuilder out = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
				+ "<title>Harbinger backtest</title><style>body{font-family:Arial,sans-serif;margin:24px;color:#1b1f24}"
				+ "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #d0d4da;padding:3px 6px;text-align:left}"
				+ ".CRITICAL{color:#b00020}.WARNING{color:#8a5a00}</style></head><body>");
		out.append("<h1>Backtest ")
			.append(this.from)
			.append(" to ")
			.append(this.to)
			.append("</h1><p>")
			.append(this.imported.accepted())
			.append(" incidents, ")
			.append(this.imported.rejected())
			.append(" rows refused, ")
			.append(this.transitions.size())
			.append(" transitions.</p>");
		byIndicator().forEach((indicator, steps) -> {
			out.append("<h2>").append(escape(indicator)).append("</h2>").append(chart(steps));
			out.append(
					"<table><tr><th>Date</th><th>Transition</th><th>Severity</th><th>Scope</th><th>Evidence</th></tr>");
			for (BacktestTransition t : steps) {
				out.append("<tr><td>")
					.append(t.date())
					.append("</td><td>")
					.append(t.transition())
					.append("</td><td class=\"")
					.append(t.severity())
					.append("\">")
					.append(t.severity())
					.append("</td><td>")
					.append(escape(t.scope()))
					.append("</td><td>")
					.append(escape(String.join(" ", t.evidence())))
					.append("</td></tr>");
			}
			out.append("</table>");
		});
		return out.append("</body></html>\n").toString();
	}

	/**
	 * A timeline: one row per scope, a bar for each period its alert was open, coloured
	 * by severity.
	 */
	private String chart(List<BacktestTransition> steps) {
		Map<String, List<BacktestTransition>> byScope = new TreeMap<>();
		steps.forEach((t) -> byScope.computeIfAbsent(t.scope(), (key) -> new ArrayList<>()).add(t));
		long days = ChronoUnit.DAYS.between(this.from, this.to) + 1;
		int width = 760;
		int left = 180;
		int row = 18;
		StringBuilder svg = new StringBuilder();
		svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">",
				left + width + 10, byScope.size() * row + 24));
		int y = 0;
		for (Map.Entry<String, List<BacktestTransition>> scope : byScope.entrySet()) {
			svg.append(
					String.format("<text x=\"0\" y=\"%d\" font-size=\"11\">%s</text>", y + 12, escape(scope.getKey())));
			LocalDate openedOn = null;
			Severity severity = null;
			for (BacktestTransition t : scope.getValue()) {
				if (openedOn != null) {
					svg.append(bar(openedOn, t.date(), severity, left, width, days, y));
				}
				boolean resolved = t.transition() == TransitionKind.RESOLVED
						|| t.transition() == TransitionKind.RETRACTED;
				openedOn = resolved ? null : t.date();
				severity = resolved ? null : t.severity();
			}
			if (openedOn != null) {
				svg.append(bar(openedOn, this.to.plusDays(1), severity, left, width, days, y));
			}
			y += row;
		}
		svg.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>", left, y + 14, this.from));
		svg.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>", left + width,
				y + 14, this.to));
		return svg.append("</svg>").toString();
	}

	private String bar(LocalDate start, LocalDate end, Severity severity, int left, int width, long days, int y) {
		double x = left + width * (double) ChronoUnit.DAYS.between(this.from, start) / days;
		double w = Math.max(2, width * (double) ChronoUnit.DAYS.between(start, end) / days);
		String colour = switch (severity) {
			case CRITICAL -> "#b00020";
			case WARNING -> "#e0a800";
			case INFO -> "#5b8def";
		};
		return String.format(
				"<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"%s\"><title>%s from %s</title></rect>",
				x, y + 2, w, colour, severity, start);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
