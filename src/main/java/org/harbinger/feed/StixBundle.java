package org.harbinger.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertRepository;

import org.springframework.stereotype.Component;

/**
 * Alerts as a STIX 2.1 bundle for threat-intelligence platforms: Harbinger's
 * {@code identity}, one {@code indicator} per alert and one {@code report} that lists
 * them. Ids are UUIDv5 names of the alert keys and timestamps come from the alerts, so
 * exporting unchanged alerts again gives the same bytes, and a changed alert keeps its id
 * with a later {@code modified} (a new version, in STIX terms).
 */
@Component
class StixBundle {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * When Harbinger's identity object was first written; it never changes, so neither
	 * does its version.
	 */
	private static final Instant IDENTITY_CREATED = Instant.parse("2022-01-01T00:00:00Z");

	static final String IDENTITY_ID = StixIds.id("identity", "harbinger");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AlertRepository alerts;

	private final Catalogue catalogue;

	StixBundle(AlertRepository alerts, Catalogue catalogue) {
		this.alerts = alerts;
		this.catalogue = catalogue;
	}

	String write(AlertRepository.Filter filter) {
		return JSON.writeValueAsString(bundle(filter));
	}

	ObjectNode bundle(AlertRepository.Filter filter) {
		List<Alert> found = this.alerts.find(filter)
			.stream()
			.sorted(Comparator.comparing(Alert::indicator).thenComparing(Alert::scope))
			.toList();
		ObjectNode report = report(filter, found);
		ObjectNode bundle = JsonNodeFactory.instance.objectNode();
		bundle.put("type", "bundle");
		bundle.put("id", StixIds.id("bundle", report.get("id").asString() + "@" + report.get("modified").asString()));
		ArrayNode objects = bundle.putArray("objects");
		objects.add(identity());
		found.forEach((alert) -> objects.add(indicator(alert)));
		objects.add(report);
		return bundle;
	}

	private ObjectNode identity() {
		ObjectNode identity = common("identity", IDENTITY_ID, IDENTITY_CREATED, IDENTITY_CREATED);
		identity.remove("created_by_ref");
		identity.put("name", "Harbinger");
		identity.put("description", "Rules-based early-warning alerting service (" + this.catalogue.publicUrl() + ")");
		identity.put("identity_class", "system");
		return identity;
	}

	private ObjectNode indicator(Alert alert) {
		Instant validFrom = midnight(alert.firstFiredOn());
		Instant modified = alert.updatedAt();
		ObjectNode indicator = common("indicator", indicatorId(alert), min(validFrom, modified), modified);
		indicator.put("name", this.catalogue.title(alert.indicator()) + " - " + alert.scope());
		indicator.put("description", description(alert));
		indicator.putArray("indicator_types").add("malicious-activity");
		indicator.put("pattern", "[x-harbinger-alert:indicator = " + quoted(alert.indicator())
				+ " AND x-harbinger-alert:scope = " + quoted(alert.scope()) + "]");
		indicator.put("pattern_type", "stix");
		indicator.put("pattern_version", "2.1");
		indicator.put("valid_from", TIMESTAMP.format(validFrom));
		if (alert.status() == Alert.Status.RESOLVED) {
			// valid_until must lie after valid_from, even for an alert retracted on its
			// first day.
			LocalDate until = alert.changedOn().isAfter(alert.firstFiredOn()) ? alert.changedOn()
					: alert.firstFiredOn().plusDays(1);
			indicator.put("valid_until", TIMESTAMP.format(midnight(until)));
		}
		indicator.putArray("labels")
			.add("severity:" + alert.severity().name().toLowerCase(Locale.ROOT))
			.add("status:" + alert.status().name().toLowerCase(Locale.ROOT))
			.add("indicator:" + alert.indicator());
		ObjectNode reference = indicator.putArray("external_references").addObject();
		reference.put("source_name", "harbinger");
		reference.put("description", "The alert in the Harbinger dashboard");
		reference.put("url", this.catalogue.alertLink(alert.id()));
		reference.put("external_id", "alert-" + alert.id());
		return indicator;
	}

	private ObjectNode report(AlertRepository.Filter filter, List<Alert> found) {
		Instant created = found.stream()
			.map((alert) -> min(midnight(alert.firstFiredOn()), alert.updatedAt()))
			.min(Comparator.naturalOrder())
			.orElse(IDENTITY_CREATED);
		// Any change in the alert book makes a new version, so modified never goes back
		// when an alert leaves the filter.
		Instant modified = this.alerts.find(new AlertRepository.Filter(null, null, null, null))
			.stream()
			.map(Alert::updatedAt)
			.max(Comparator.naturalOrder())
			.orElse(IDENTITY_CREATED);
		ObjectNode report = common("report", StixIds.id("report", "harbinger:alerts:" + key(filter, "*", "|")),
				min(created, modified), modified);
		report.put("name", "Harbinger alerts" + describe(filter));
		report.put("description",
				found.size() + " alert(s) from Harbinger's early-warning indicators; "
						+ "each indicator object is one alert (indicator and scope), its pattern matches Harbinger's "
						+ "x-harbinger-alert records.");
		report.putArray("report_types").add("threat-report");
		report.put("published", TIMESTAMP.format(modified));
		ArrayNode refs = report.putArray("object_refs").add(IDENTITY_ID);
		found.forEach((alert) -> refs.add(indicatorId(alert)));
		return report;
	}

	private static ObjectNode common(String type, String id, Instant created, Instant modified) {
		ObjectNode object = JsonNodeFactory.instance.objectNode();
		object.put("type", type);
		object.put("spec_version", "2.1");
		object.put("id", id);
		object.put("created_by_ref", IDENTITY_ID);
		object.put("created", TIMESTAMP.format(created));
		object.put("modified", TIMESTAMP.format(modified));
		return object;
	}

	private String description(Alert alert) {
		String about = this.catalogue.description(alert.indicator());
		String state = alert.status() + ", " + alert.severity() + " since " + alert.changedOn() + " (first fired "
				+ alert.firstFiredOn() + ")" + ((alert.detail() != null) ? ": " + alert.detail() : "")
				+ ". Evidence (incident ids): " + String.join(", ", alert.evidence());
		return about.isEmpty() ? state : about + "\n\n" + state;
	}

	static String indicatorId(Alert alert) {
		return StixIds.id("indicator", "harbinger:alert:" + alert.indicator() + ":" + alert.scope());
	}

	/** A STIX pattern string literal: single quotes, with backslash and quote escaped. */
	static String quoted(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	private static String describe(AlertRepository.Filter filter) {
		String parts = key(filter, null, ", ");
		return parts.isEmpty() ? "" : " (" + parts + ")";
	}

	/**
	 * The filter's values joined; an unset one is {@code unset}, or left out when that is
	 * null.
	 */
	private static String key(AlertRepository.Filter filter, String unset, String separator) {
		return Stream.of(filter.status(), filter.indicator(), filter.scope(), filter.severity())
			.map((value) -> (value != null) ? String.valueOf(value) : unset)
			.filter(Objects::nonNull)
			.collect(Collectors.joining(separator));
	}

	private static Instant midnight(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
