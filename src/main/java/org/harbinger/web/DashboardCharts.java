package org.harbinger.web;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.harbinger.alert.Alert;
import org.harbinger.alert.Transition;
import org.harbinger.engine.RuleMetadata;

import org.springframework.stereotype.Component;

/**
 * The dashboard's trend charts (inline SVG) of the incidents an indicator cited: for one alert
 * over twice its window, or for an indicator over a period, each with its count thresholds
 * and transitions. The email's PNG chart is {@code alert.TrendCharts}, on a window of its own.
 */
@Component
class DashboardCharts {

	private final Indicators indicators;

	private final TrendCounts counts;

	DashboardCharts(Indicators indicators, TrendCounts counts) {
		this.indicators = indicators;
		this.counts = counts;
	}

	/**
	 * The alert's evidence (now and at each transition) per day, over twice the rule's window
	 * up to today while it is open, or up to the day it ended.
	 */
	SvgChart forAlert(Alert alert, List<Transition> transitions, LocalDate today) {
		RuleMetadata indicator = this.indicators.find(alert.indicator()).orElse(null);
		int window = (indicator != null) ? this.indicators.windowDays(indicator) : 30;
		LocalDate to = (alert.status() == Alert.Status.OPEN && today.isAfter(alert.changedOn())) ? today
				: alert.changedOn();
		int days = Math.min(Math.max(2 * window, 30), 180);
		Set<String> evidence = new LinkedHashSet<>(alert.evidence());
		transitions.forEach((transition) -> evidence.addAll(transition.evidence()));
		return chart(indicator, window, evidence, to.minusDays(days - 1), to, transitions);
	}

	/** Every alert's evidence of the indicator per day, over {@code days} up to today. */
	SvgChart forIndicator(RuleMetadata indicator, List<Transition> transitions, LocalDate today, int days) {
		Set<String> evidence = new LinkedHashSet<>();
		transitions.forEach((transition) -> evidence.addAll(transition.evidence()));
		return chart(indicator, this.indicators.windowDays(indicator), evidence, today.minusDays(days - 1), today,
				transitions);
	}

	private SvgChart chart(RuleMetadata indicator, int window, Collection<String> evidence, LocalDate from,
			LocalDate to, List<Transition> transitions) {
		List<SvgChart.Threshold> thresholds = (indicator != null) ? this.indicators.settings(indicator)
			.stream()
			.filter((setting) -> setting.incidentCount() && setting.value() instanceof Integer)
			.map((setting) -> new SvgChart.Threshold(setting.name(), (Integer) setting.value()))
			.toList() : List.of();
		List<SvgChart.Event> events = transitions.stream()
			.map((transition) -> new SvgChart.Event(transition.date(), transition.kind().name(),
					transition.date() + ": " + transition.kind() + " " + transition.severity() + " " + transition.scope()))
			.toList();
		return SvgChart.of(from, to, this.counts.daily(evidence, from.minusDays(window - 1), to), window, thresholds,
				events);
	}

}
