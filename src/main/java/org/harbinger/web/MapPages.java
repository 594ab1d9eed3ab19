package org.harbinger.web;

import java.time.LocalDate;

import org.harbinger.engine.EngineHost;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The map page: incidents between two event dates (by default the 90 days up to the
 * clock's Today) and the open alerts, on one of the two views.
 */
@Controller
class MapPages {

	/** The default period: about a quarter, long enough to show where a campaign is. */
	static final int DEFAULT_DAYS = 90;

	private final RegionMap map;

	private final EngineHost engine;

	private final Indicators indicators;

	MapPages(RegionMap map, EngineHost engine, Indicators indicators) {
		this.map = map;
		this.engine = engine;
		this.indicators = indicators;
	}

	@GetMapping("/map")
	String page(@RequestParam(defaultValue = "KHORASAN") MapView view,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		IncidentSearch.Filter filter = filter(this.engine, from, to);
		model.addAttribute("map", this.map.draw(view, filter));
		model.addAttribute("filter", filter);
		model.addAttribute("views", MapView.values());
		model.addAttribute("indicators", this.indicators.all());
		return "map";
	}

	static IncidentSearch.Filter filter(EngineHost engine, LocalDate from, LocalDate to) {
		LocalDate last = (to != null) ? to : engine.currentDay();
		LocalDate first = (from != null) ? from : last.minusDays(DEFAULT_DAYS - 1);
		return new IncidentSearch.Filter(first, last, null, null, null, null, null);
	}

}
