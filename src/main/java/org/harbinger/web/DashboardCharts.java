package org.harbinger.web;

import java.time.LocalDate;
import java.util.List;

import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertTrend;
import org.harbinger.alert.Transition;
import org.harbinger.alert.TrendCharts;
import org.harbinger.engine.RuleMetadata;

import org.springframework.stereotype.Component;

/**
 * The dashboard's trend charts (inline SVG) with the transitions marked: for one alert,
 * or for an indicator over a period. The data is {@code alert.TrendCharts}'s, which the
 * digest's PNG draws too.
 */
@Component
class DashboardCharts {

	private final TrendCharts trends;

	DashboardCharts(TrendCharts trends) {
		this.trends = trends;
	}

	/** The alert's trend up to today while it is open, or up to the day it ended. */
	SvgChart forAlert(Alert alert, List<Transition> transitions, LocalDate today) {
		LocalDate to = (alert.status() == Alert.Status.OPEN && today.isAfter(alert.changedOn())) ? today
				: alert.changedOn();
		return chart(this.trends.trend(alert, transitions, to), transitions);
	}

	/** Every alert's evidence of the indicator per day, over {@code days} up to today. */
	SvgChart forIndicator(RuleMetadata indicator, List<Transition> transitions, LocalDate today, int days) {
		return chart(this.trends.trend(indicator.id(), transitions, today, days), transitions);
	}

	/**
	 * The indicator's count over its window on each of the last {@code days} days, as a
	 * sparkline.
	 */
	Sparkline sparkline(RuleMetadata indicator, List<Transition> transitions, LocalDate today, int days) {
		return Sparkline.of(this.trends.trend(indicator.id(), transitions, today, days));
	}

	private static SvgChart chart(AlertTrend trend, List<Transition> transitions) {
		List<SvgChart.Event> events = transitions.stream()
			.map((transition) -> new SvgChart.Event(transition.date(), transition.kind().name(),
					transition.date() + ": " + transition.kind() + " " + transition.severity() + " "
							+ transition.scope()))
			.toList();
		return SvgChart.of(trend, events);
	}

}
