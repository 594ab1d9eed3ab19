package org.harbinger;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertRepository;
import org.harbinger.bench.SyntheticAcled;
import org.harbinger.engine.EngineHost;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentRepository;
import org.harbinger.incident.IncidentService;
import org.harbinger.ingest.ImportJob;
import org.harbinger.ingest.ImportQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restart, as an operator runs it: a service given years of generated ACLED
 * history by import, the clock moved over a month, then amendments and deletions, is
 * stopped and started again on the same database file. The alerts (state, severity,
 * evidence, detail) are the same before and after, and the restart records no transition
 * (docs/architecture.md, "One truth").
 */
class RestartTests {

	private static final LocalDate CLOCK = LocalDate.of(2022, 5, 7);

	@TempDir
	Path dir;

	@Test
	void aRestartedServiceShowsTheAlertsItShowedAndRecordsNoTransition() throws Exception {
		Path file = this.dir.resolve("acled.csv");
		try (Writer out = Files.newBufferedWriter(file)) {
			new SyntheticAcled(7, LocalDate.of(2019, 5, 1), 3).write(out, 40_000);
		}
		Map<String, Alert> before;
		long transitionsBefore;
		try (ConfigurableApplicationContext service = start("first", CLOCK.minusDays(30))) {
			service.getBean(ImportQueue.class).importFile(file, ImportJob.Origin.CLI, ImportQueue.Progress.NONE);
			// A month of days as the clock job moves them: threat-level remembers which
			// alerts were open on each.
			for (LocalDate day = CLOCK.minusDays(29); !day.isAfter(CLOCK); day = day.plusDays(1)) {
				service.getBean(EngineHost.class).advanceTo(day).join();
			}
			amendAndDelete(service);
			service.getBean(EngineHost.class).today();
			before = alerts(service);
			transitionsBefore = transitions(service);
		}
		try (ConfigurableApplicationContext restarted = start("second", CLOCK)) {
			restarted.getBean(EngineHost.class).today();
			assertThat(before).as("alerts to compare").isNotEmpty();
			assertThat(before.values()).as("threat-level, which lives on the engine's memory, is among them")
				.anyMatch((alert) -> alert.indicator().equals("threat-level"));
			assertThat(alerts(restarted)).isEqualTo(before);
			assertThat(transitions(restarted)).as("transitions recorded by the restart").isEqualTo(transitionsBefore);
		}
	}

	/**
	 * Late corrections: a death toll raised in recent ISKP attacks, and two recent
	 * reports withdrawn.
	 */
	private static void amendAndDelete(ConfigurableApplicationContext service) {
		List<Incident> recent = new ArrayList<>();
		service.getBean(IncidentRepository.class).forEachSince(CLOCK.minusDays(20), recent::add);
		List<Incident> amended = recent.stream()
			.filter((incident) -> incident.actor1() != null && incident.actor1().startsWith("Islamic State"))
			.limit(5)
			.map((i) -> new Incident(i.source(), i.eventId(), i.eventDate(), i.timePrecision(), i.disorderType(),
					i.eventType(), i.subEventType(), i.actor1(), i.assocActor1(), i.inter1(), i.actor2(),
					i.assocActor2(), i.inter2(), i.interaction(), i.civilianTargeting(), i.iso(), i.region(),
					i.country(), i.admin1(), i.admin2(), i.admin3(), i.location(), i.latitude(), i.longitude(),
					i.geoPrecision(), i.reportedBy(), i.sourceScale(), i.notes(), i.fatalities() + 12, i.tags(),
					i.timestamp(), i.originCountry(), i.claimStatus(), i.reliability(), i.credibility(),
					i.actor1Group(), i.actor2Group(), i.targetGroups(), i.assocActor1Groups(), i.gradeReason()))
			.toList();
		assertThat(amended).as("recent ISKP attacks to amend").isNotEmpty();
		IncidentService incidents = service.getBean(IncidentService.class);
		incidents.record(amended);
		recent.stream().skip(recent.size() / 2).limit(2).forEach((incident) -> incidents.delete(incident.key()));
	}

	private static Map<String, Alert> alerts(ConfigurableApplicationContext service) {
		Map<String, Alert> alerts = new TreeMap<>();
		for (Alert alert : service.getBean(AlertRepository.class)
			.find(new AlertRepository.Filter(null, null, null, null))) {
			// Compared as the analyst sees them; the row's update time is the database's
			// business.
			alerts.put(alert.indicator() + " " + alert.scope(),
					new Alert(alert.id(), alert.indicator(), alert.scope(), alert.status(), alert.severity(),
							alert.evidence(), alert.detail(), alert.firstFiredOn(), alert.changedOn(), null,
							alert.severityEvidence(), alert.severityReason()));
		}
		return alerts;
	}

	private static long transitions(ConfigurableApplicationContext service) {
		return service.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM alert_transition", Long.class);
	}

	private ConfigurableApplicationContext start(String name, LocalDate clock) throws Exception {
		return TestServices.onH2File(this.dir, "restart-" + name, clock);
	}

}
