package org.harbinger.web;

import java.time.LocalDate;

import org.harbinger.engine.EngineHost;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/incidents/map}: what the map page draws, as data: per country its
 * incidents and most severe open alert, per province and per place its position,
 * incidents, deaths and most severe open alert citing it, the countries outside the view,
 * and the open alerts.
 */
@RestController
class MapJson {

	private final RegionMap map;

	private final EngineHost engine;

	MapJson(RegionMap map, EngineHost engine) {
		this.map = map;
		this.engine = engine;
	}

	@GetMapping("/api/incidents/map")
	RegionMap.Drawing map(@RequestParam(defaultValue = "KHORASAN") MapView view,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.map.draw(view, MapPages.filter(this.engine, from, to));
	}

}
