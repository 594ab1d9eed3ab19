package org.harbinger.digest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harbinger.engine.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The digest's layout: a summary line per alert, alerts by place, each incident listed
 * once.
 */
class DigestViewTests {

	private static final LocalDate DAY = LocalDate.of(2022, 5, 7);

	@Test
	void alertsAreGroupedByRegionOrCountryTheMostUrgentPlaceFirst() {
		DigestView view = DigestView.of(List.of(draft("external-operations", "Uzbekistan", Severity.WARNING, "new"),
				draft("attack-surge", "Afghanistan/Kunar", Severity.WARNING, "new"),
				draft("cross-border-fire", "Tajikistan", Severity.CRITICAL, "escalated"),
				draft("campaign-declared", "global", Severity.WARNING, "new"),
				draft("propaganda-surge", "lang=uz", Severity.CRITICAL, "new")), Map.of());

		assertThat(view.groups()).extracting(DigestView.PlaceGroup::place)
			.containsExactly("Central Asia", "Afghanistan", "Global", "Other scopes");
		assertThat(view.groups().get(0).items()).extracting(DigestView.Item::ref, DigestView.Item::scope)
			.containsExactly(tuple(1, "Tajikistan"), tuple(2, "Uzbekistan"));
		assertThat(view.summary())
			.extracting(DigestView.SummaryLine::ref, DigestView.SummaryLine::severity, DigestView.SummaryLine::scope,
					DigestView.SummaryLine::change)
			.as("the summary: CRITICAL first, then in reading order")
			.containsExactly(tuple(1, Severity.CRITICAL, "Tajikistan", "escalated from WARNING"),
					tuple(5, Severity.CRITICAL, "lang=uz", "new"), tuple(2, Severity.WARNING, "Uzbekistan", "new"),
					tuple(3, Severity.WARNING, "Afghanistan/Kunar", "new"),
					tuple(4, Severity.WARNING, "global", "new"));
	}

	@Test
	void anIncidentSeveralAlertsCiteIsListedOnceUnderTheFirstPlaceWithEveryCitation() {
		Map<String, DigestView.Evidence> incidents = new LinkedHashMap<>();
		incidents.put("UZB1", evidence("UZB1", "2022-04-18"));
		incidents.put("TJK1", evidence("TJK1", "2022-05-07"));
		incidents.put("AFG1", evidence("AFG1", "2022-05-01"));
		DigestView view = DigestView.of(List.of(
				new DigestView.Draft(item("cross-border-fire", "Uzbekistan", Severity.CRITICAL, "new"), List.of("UZB1"),
						List.of("UZB1", "TJK1")),
				new DigestView.Draft(item("cross-border-fire", "Tajikistan", Severity.CRITICAL, "new"), List.of("TJK1"),
						List.of("UZB1", "TJK1")),
				new DigestView.Draft(item("campaign-declared", "global", Severity.WARNING, "new"),
						List.of("AFG1", "TJK1"), List.of())),
				incidents);

		DigestView.PlaceGroup centralAsia = view.groups().get(0);
		assertThat(centralAsia.incidents()).extracting((listed) -> listed.incident().id(), DigestView.Listed::citedBy)
			.containsExactly(
					tuple("UZB1",
							List.of("#1 cross-border-fire title - Tajikistan (its severity)",
									"#2 cross-border-fire title - Uzbekistan")),
					tuple("TJK1",
							List.of("#1 cross-border-fire title - Tajikistan",
									"#2 cross-border-fire title - Uzbekistan (its severity)",
									"#3 campaign-declared title - global")));
		DigestView.PlaceGroup global = view.groups().get(1);
		assertThat(global.incidents()).extracting((listed) -> listed.incident().id()).containsExactly("AFG1");
		assertThat(global.items().get(0).evidence())
			.extracting(DigestView.IncidentRef::id, DigestView.IncidentRef::listedUnder)
			.containsExactly(tuple("AFG1", null), tuple("TJK1", "Central Asia"));
		assertThat(global.items().get(0).evidence().get(1).anchor()).isEqualTo(centralAsia.incidents().get(1).anchor());
	}

	@Test
	void placesGiveRegionsAndFileNameCodes() {
		assertThat(Places.group("Afghanistan/Kunar")).isEqualTo("Afghanistan");
		assertThat(Places.group("Uzbekistan")).isEqualTo("Central Asia");
		assertThat(Places.code("Afghanistan")).isEqualTo("AF");
		assertThat(Places.code("Afghanistan/Kunar")).isEqualTo("AF-kunar");
		assertThat(Places.code("lang=uz")).isEqualTo("lang-uz");
		assertThat(Places.code("Composia")).isEqualTo("composia");
	}

	private static DigestView.Draft draft(String indicator, String scope, Severity severity, String change) {
		return new DigestView.Draft(item(indicator, scope, severity, change), List.of(), List.of());
	}

	private static DigestView.Item item(String indicator, String scope, Severity severity, String change) {
		Severity previous = change.equals("escalated") ? Severity.WARNING : null;
		return new DigestView.Item(0, 1, indicator + " title", indicator, scope, change, severity, previous, DAY,
				"detail", List.of(), 0, "http://localhost/alerts/1", null, null, null, "", List.of());
	}

	private static DigestView.Evidence evidence(String id, String date) {
		return new DigestView.Evidence(id, LocalDate.parse(date), "place", "actor", 0, "B2", "", "Desk", "",
				"http://localhost/incidents/desk/" + id);
	}

}
