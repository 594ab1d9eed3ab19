package org.harbinger.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertRepository;
import org.harbinger.engine.Severity;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The map of incidents and open alerts, laid out for inline SVG: country outlines
 * (Natural Earth via world-atlas, src/main/resources/map), a country tinted by the most
 * severe open alert in its scope, each province of the Khorasan view's countries shaded
 * by its incidents ({@link ProvinceOutlines}) and, elsewhere, a translucent disc per
 * province sized by its incidents, and a dot per place sized by its incidents and
 * coloured by the most severe open alert that cites one of them. Every shape links to the
 * incident search narrowed to its country or province.
 */
@Component
class RegionMap {

	/**
	 * Natural Earth's short names where ACLED's differ, for the countries in the vendored
	 * subset.
	 */
	private static final Map<String, String> ACLED_NAMES = Map.ofEntries(
			Map.entry("Bosnia and Herz.", "Bosnia and Herzegovina"), Map.entry("Czechia", "Czech Republic"),
			Map.entry("Macedonia", "North Macedonia"), Map.entry("Central African Rep.", "Central African Republic"),
			Map.entry("Dem. Rep. Congo", "Democratic Republic of Congo"), Map.entry("Congo", "Republic of Congo"),
			Map.entry("Eq. Guinea", "Equatorial Guinea"), Map.entry("S. Sudan", "South Sudan"),
			Map.entry("W. Sahara", "Western Sahara"), Map.entry("Côte d'Ivoire", "Ivory Coast"),
			Map.entry("Faeroe Is.", "Faroe Islands"), Map.entry("São Tomé and Principe", "Sao Tome and Principe"),
			Map.entry("N. Cyprus", "Northern Cyprus"), Map.entry("Åland", "Aland Islands"));

	/** How many provinces get a written label; the list under the map names them all. */
	private static final int LABELLED_PROVINCES = 10;

	/**
	 * About the width of a character of a label (15 units, bold) in SVG units, to keep
	 * labels apart.
	 */
	private static final double LABEL_CHAR_WIDTH = 9;

	private final IncidentSearch search;

	private final AlertRepository alerts;

	/**
	 * Each view's country outlines as SVG paths, by ACLED country name, computed once.
	 */
	private final Map<MapView, Map<String, String>> outlines = new EnumMap<>(MapView.class);

	private final ProvinceOutlines provinceOutlines = new ProvinceOutlines();

	RegionMap(IncidentSearch search, AlertRepository alerts) {
		this.search = search;
		this.alerts = alerts;
		List<TopoJson.Country> countries = countries();
		for (MapView view : MapView.values()) {
			Map<String, String> paths = new LinkedHashMap<>();
			for (TopoJson.Country country : countries) {
				String path = view.projection().path(country.rings());
				if (!path.isEmpty()) {
					paths.put(acledName(country.name()), path);
				}
			}
			this.outlines.put(view, paths);
		}
	}

	static List<TopoJson.Country> countries() {
		try (InputStream in = new ClassPathResource("map/countries-50m-region.json").getInputStream()) {
			return TopoJson.countries(in, "countries");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String acledName(String naturalEarthName) {
		return ACLED_NAMES.getOrDefault(naturalEarthName, naturalEarthName);
	}

	/**
	 * A country's outline: {@code severity} is its most severe open alert's, null for
	 * none.
	 */
	record Country(String name, @JsonIgnore String path, long incidents, Severity severity, String href, String title) {

		public String cssClass() {
			return (this.severity != null) ? "country alert-" + this.severity
					: (this.incidents > 0) ? "country with-incidents" : "country";
		}

	}

	/**
	 * A province's disc or a place's dot at (x, y) in SVG units; {@code label} is written
	 * beside it when not null. A province whose outline is shaded has no disc: radius 0.
	 */
	record Spot(String country, String admin1, String location, double latitude, double longitude, double x, double y,
			double r, long incidents, long fatalities, Severity severity, String href, String title, String label) {

		public String cssClass() {
			return (this.severity != null) ? "alert-" + this.severity : "no-alert";
		}

	}

	/** Incidents the search found in a country this view does not show. */
	record Outside(String country, long incidents, String href) {
	}

	/** The whole map: what the template draws and the API returns. */
	record Drawing(MapView view, double width, double height, List<Country> countries,
			List<ProvinceOutlines.Area> areas, List<Spot> provinces, List<Spot> places, List<Outside> outside,
			List<Alert> openAlerts) {
	}

	Drawing draw(MapView view, IncidentSearch.Filter filter) {
		MapProjection projection = view.projection();
		IncidentPages.Links links = new IncidentPages.Links(filter);
		List<Alert> open = this.alerts.find(new AlertRepository.Filter(Alert.Status.OPEN, null, null, null));
		Map<String, Severity> byScope = new HashMap<>();
		for (Alert alert : open) {
			byScope.merge(alert.scope().toLowerCase(Locale.ROOT), alert.severity(), RegionMap::max);
		}
		Map<String, Severity> byPlace = placeSeverities(filter, open);
		List<IncidentSearch.Place> all = this.search.places(filter);
		Map<String, Long> perCountry = new HashMap<>();
		all.forEach((place) -> perCountry.merge(place.country(), place.incidents(), Long::sum));

		List<Spot> places = new ArrayList<>();
		Map<String, List<IncidentSearch.Place>> byProvince = new LinkedHashMap<>();
		Map<String, Long> outsideCounts = new HashMap<>();
		for (IncidentSearch.Place place : all) {
			if (!projection.contains(place.longitude(), place.latitude())) {
				outsideCounts.merge(place.country(), place.incidents(), Long::sum);
				continue;
			}
			byProvince.computeIfAbsent(place.country() + "/" + place.admin1(), (key) -> new ArrayList<>()).add(place);
			MapProjection.Point point = projection.project(place.longitude(), place.latitude());
			Severity severity = byPlace.get(IncidentSearch.placeKey(place.country(), place.admin1(), place.location()));
			String name = String.join(", ", nonNull(place.location(), place.admin1(), place.country()));
			places.add(new Spot(place.country(), place.admin1(), place.location(), place.latitude(), place.longitude(),
					point.x(), point.y(), radius(place.incidents(), 3, 2.5, 22), place.incidents(), place.fatalities(),
					severity, links.province(place.country(), place.admin1()),
					name + ": " + incidents(place.incidents(), place.fatalities())
							+ ((severity != null) ? "; cited by an open " + severity + " alert" : ""),
					null));
		}
		// Small dots on top, so that a big one never hides a small one.
		places.sort(Comparator.comparingDouble(Spot::r).reversed());

		List<Spot> provinces = provinces(view, links, byScope, byProvince);
		List<ProvinceOutlines.Area> areas = this.provinceOutlines.areas(view, counts(byProvince), byScope,
				(name) -> links.province(name[0], name[1]));
		List<Country> countries = new ArrayList<>();
		this.outlines.get(view).forEach((name, path) -> {
			Severity severity = countrySeverity(byScope, name);
			long incidents = perCountry.getOrDefault(name, 0L);
			countries.add(new Country(name, path, incidents, severity, links.province(name, null),
					name + ": " + incidents + ((incidents == 1) ? " incident" : " incidents")
							+ ((severity != null) ? "; most severe open alert " + severity : "")));
		});
		List<Outside> outside = outsideCounts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map((entry) -> new Outside(entry.getKey(), entry.getValue(), links.province(entry.getKey(), null)))
			.toList();
		return new Drawing(view, projection.width(), projection.height(), countries, areas, provinces, places, outside,
				open);
	}

	/** Each province's incidents and deaths, by {@link ProvinceOutlines#key}. */
	private static Map<String, ProvinceOutlines.Counts> counts(Map<String, List<IncidentSearch.Place>> byProvince) {
		Map<String, ProvinceOutlines.Counts> counts = new HashMap<>();
		for (List<IncidentSearch.Place> places : byProvince.values()) {
			counts.put(ProvinceOutlines.key(places.get(0).country(), places.get(0).admin1()),
					new ProvinceOutlines.Counts(places.stream().mapToLong(IncidentSearch.Place::incidents).sum(),
							places.stream().mapToLong(IncidentSearch.Place::fatalities).sum()));
		}
		return counts;
	}

	private List<Spot> provinces(MapView view, IncidentPages.Links links, Map<String, Severity> byScope,
			Map<String, List<IncidentSearch.Place>> byProvince) {
		MapProjection projection = view.projection();
		List<Spot> provinces = new ArrayList<>();
		for (List<IncidentSearch.Place> places : byProvince.values()) {
			IncidentSearch.Place first = places.get(0);
			long incidents = places.stream().mapToLong(IncidentSearch.Place::incidents).sum();
			long fatalities = places.stream().mapToLong(IncidentSearch.Place::fatalities).sum();
			// The province's centre of incidents: the mean position, each place weighted
			// by its incidents.
			double latitude = places.stream().mapToDouble((place) -> place.latitude() * place.incidents()).sum()
					/ incidents;
			double longitude = places.stream().mapToDouble((place) -> place.longitude() * place.incidents()).sum()
					/ incidents;
			MapProjection.Point point = projection.project(longitude, latitude);
			Severity severity = (first.admin1() != null)
					? byScope.get((first.country() + "/" + first.admin1()).toLowerCase(Locale.ROOT)) : null;
			String name = String.join(", ", nonNull(first.admin1(), first.country()));
			provinces.add(
					new Spot(first.country(), first.admin1(), null, MapProjection.round(latitude * 1000) / 1000,
							MapProjection.round(longitude * 1000) / 1000, point.x(), point.y(),
							this.provinceOutlines.outlined(view, first.country(), first.admin1()) ? 0
									: radius(incidents, 8, 5, 60),
							incidents, fatalities, severity, links.province(first.country(), first.admin1()),
							name + ": " + incidents(incidents, fatalities)
									+ ((severity != null) ? "; open " + severity + " alert on the province" : ""),
							null));
		}
		provinces.sort(Comparator.comparingLong(Spot::incidents).reversed());
		// Labels for the busiest provinces, each only where it covers no label already
		// placed.
		List<double[]> placed = new ArrayList<>();
		for (int i = 0; i < provinces.size() && placed.size() < LABELLED_PROVINCES; i++) {
			Spot spot = provinces.get(i);
			if (spot.admin1() == null) {
				continue;
			}
			String label = spot.admin1() + " " + spot.incidents();
			double[] box = { spot.x() + spot.r() * 0.7 + 4, spot.y() - 11,
					spot.x() + spot.r() * 0.7 + 4 + label.length() * LABEL_CHAR_WIDTH, spot.y() + 6 };
			if (placed.stream()
				.noneMatch(
						(other) -> box[0] < other[2] && other[0] < box[2] && box[1] < other[3] && other[1] < box[3])) {
				placed.add(box);
				provinces.set(i,
						new Spot(spot.country(), spot.admin1(), null, spot.latitude(), spot.longitude(), spot.x(),
								spot.y(), spot.r(), spot.incidents(), spot.fatalities(), spot.severity(), spot.href(),
								spot.title(), label));
			}
		}
		return provinces;
	}

	/**
	 * The most severe open alert on each place: the place of any incident an open alert
	 * cites.
	 */
	private Map<String, Severity> placeSeverities(IncidentSearch.Filter filter, List<Alert> open) {
		Map<String, Severity> byEvent = new HashMap<>();
		open.forEach((alert) -> alert.evidence().forEach((id) -> byEvent.merge(id, alert.severity(), RegionMap::max)));
		Map<String, Severity> byPlace = new HashMap<>();
		this.search.placesOf(filter, byEvent.keySet())
			.forEach((eventId, place) -> byPlace.merge(place, byEvent.get(eventId), RegionMap::max));
		return byPlace;
	}

	/**
	 * The most severe open alert whose scope is the country or lies under it
	 * ("Afghanistan/Kunar").
	 */
	private static Severity countrySeverity(Map<String, Severity> byScope, String country) {
		String name = country.toLowerCase(Locale.ROOT);
		Severity most = null;
		for (Map.Entry<String, Severity> entry : byScope.entrySet()) {
			if (entry.getKey().equals(name) || entry.getKey().startsWith(name + "/")) {
				most = max(most, entry.getValue());
			}
		}
		return most;
	}

	/**
	 * A radius whose area grows with the count, so that twice the incidents look twice as
	 * big.
	 */
	private static double radius(long count, double least, double factor, double most) {
		return MapProjection.round(Math.min(most, least + factor * Math.sqrt(count)));
	}

	private static String incidents(long incidents, long fatalities) {
		return incidents + ((incidents == 1) ? " incident, " : " incidents, ") + fatalities + " killed";
	}

	private static List<String> nonNull(String... parts) {
		List<String> kept = new ArrayList<>();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				kept.add(part);
			}
		}
		return kept;
	}

	private static Severity max(Severity a, Severity b) {
		return (a == null) ? b : (b == null) ? a : (a.compareTo(b) >= 0) ? a : b;
	}

}
