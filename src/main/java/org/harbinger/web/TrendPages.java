package org.harbinger.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertRepository;
import org.harbinger.alert.Transition;
import org.harbinger.engine.EngineHost;
import org.harbinger.engine.RuleMetadata;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The indicators, and per indicator its rule, thresholds in force, transitions over time
 * and daily counts.
 */
@Controller
class TrendPages {

	private final Indicators indicators;

	private final AlertRepository alerts;

	private final DashboardCharts charts;

	private final EngineHost engine;

	TrendPages(Indicators indicators, AlertRepository alerts, DashboardCharts charts, EngineHost engine) {
		this.indicators = indicators;
		this.alerts = alerts;
		this.charts = charts;
		this.engine = engine;
	}

	/**
	 * The days a sparkline on the list covers: a quarter, as the map's default period.
	 */
	static final int SPARKLINE_DAYS = 90;

	/**
	 * An indicator with how many of its alerts are open, and its recent counts as a
	 * sparkline.
	 */
	record Summary(RuleMetadata indicator, long open, long total, Sparkline sparkline) {
	}

	@GetMapping("/trends")
	String list(Model model) {
		LocalDate today = this.engine.currentDay();
		Map<String, List<Alert>> byIndicator = this.alerts.find(new AlertRepository.Filter(null, null, null, null))
			.stream()
			.collect(Collectors.groupingBy(Alert::indicator));
		model.addAttribute("summaries", this.indicators.all().values().stream().map((indicator) -> {
			List<Alert> alerts = byIndicator.getOrDefault(indicator.id(), List.of());
			List<Transition> transitions = new ArrayList<>();
			alerts.forEach((alert) -> transitions.addAll(this.alerts.transitions(alert.id())));
			return new Summary(indicator,
					alerts.stream().filter((alert) -> alert.status() == Alert.Status.OPEN).count(), alerts.size(),
					this.charts.sparkline(indicator, transitions, today, SPARKLINE_DAYS));
		}).toList());
		model.addAttribute("sparklineDays", SPARKLINE_DAYS);
		return "trends";
	}

	@GetMapping("/trends/{id}")
	String indicator(@PathVariable String id, @RequestParam(defaultValue = "120") int days,
			@RequestParam(required = false) String scope, Model model) {
		RuleMetadata indicator = this.indicators.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no indicator " + id));
		int period = Math.min(Math.max(days, 14), 730);
		List<Alert> alerts = this.alerts.find(new AlertRepository.Filter(null, id, null, null));
		String wanted = AlertPages.blankToNull(scope);
		List<Transition> transitions = new ArrayList<>();
		alerts.stream()
			.filter((alert) -> wanted == null || alert.scope().equals(wanted))
			.forEach((alert) -> transitions.addAll(this.alerts.transitions(alert.id())));
		transitions.sort(Comparator.comparing(Transition::date).thenComparing(Transition::id));
		List<Transition> newestFirst = new ArrayList<>(transitions);
		newestFirst.sort(Comparator.comparing(Transition::date).thenComparing(Transition::id).reversed());
		model.addAttribute("indicator", indicator);
		model.addAttribute("settings", this.indicators.settings(indicator));
		model.addAttribute("scopes", alerts.stream().map(Alert::scope).sorted().toList());
		model.addAttribute("scope", wanted);
		model.addAttribute("transitions", newestFirst);
		model.addAttribute("days", period);
		model.addAttribute("chart", this.charts.forIndicator(indicator, transitions, this.engine.currentDay(), period));
		return "trend";
	}

}
