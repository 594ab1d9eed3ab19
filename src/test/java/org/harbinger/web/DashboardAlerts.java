package org.harbinger.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.harbinger.TestIncidents;
import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertRepository;
import org.harbinger.engine.EngineHost;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentService;

import org.springframework.context.ApplicationContext;

/**
 * Raises alerts of their own for the dashboard tests in the shared context: defections to
 * ISKP in a province of a made-up country, dated on the engine's Today, so that no other
 * test's alerts or digests see them. A mass defection is CRITICAL at once; three
 * defections make a WARNING.
 */
final class DashboardAlerts {

	static final String INDICATOR = "defection-to-iskp";

	private final IncidentService incidents;

	private final EngineHost engine;

	private final AlertRepository alerts;

	DashboardAlerts(ApplicationContext context) {
		this.incidents = context.getBean(IncidentService.class);
		this.engine = context.getBean(EngineHost.class);
		this.alerts = context.getBean(AlertRepository.class);
	}

	Alert critical(String country, String province, String notes) {
		LocalDate today = this.engine.today();
		return raise(country, province, List
			.of(defection(country + "-" + province + "-mass", today, country, province, "mass-defection", notes)));
	}

	/** A CRITICAL alert whose one incident has a place and coordinates, for the map. */
	Alert criticalAt(String country, String province, String location, double latitude, double longitude) {
		Incident incident = TestIncidents
			.builder("WEB-" + country + "-" + province + "-mass", this.engine.today(), country)
			.admin1(province)
			.at(location, latitude, longitude)
			.actor1("Taliban", "TALIBAN")
			.type("Strategic developments", "Change to group/activity")
			.tag("mass-defection")
			.notes("A whole unit went over to ISKP.")
			.fatalities(2)
			.build();
		return raise(country, province, List.of(incident));
	}

	Alert warning(String country, String province) {
		LocalDate today = this.engine.today();
		List<Incident> defections = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			defections.add(defection(country + "-" + province + "-" + i, today.minusDays(i), country, province,
					"defection", "Fighters joined ISKP."));
		}
		return raise(country, province, defections);
	}

	private Alert raise(String country, String province, List<Incident> defections) {
		this.incidents.record(defections);
		// The engine evaluates after the commit, on its own thread: wait for it.
		this.engine.today();
		return this.alerts.find(new AlertRepository.Filter(null, INDICATOR, country + "/" + province, null))
			.stream()
			.findFirst()
			.orElseThrow(() -> new AssertionError("no alert raised in " + country + "/" + province));
	}

	private static Incident defection(String id, LocalDate date, String country, String province, String tag,
			String notes) {
		return TestIncidents.builder("WEB-" + id, date, country)
			.admin1(province)
			.actor1("Taliban", "TALIBAN")
			.type("Strategic developments", "Change to group/activity")
			.tag(tag)
			.notes(notes)
			.build();
	}

}
