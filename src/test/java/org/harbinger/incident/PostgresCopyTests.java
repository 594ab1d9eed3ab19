package org.harbinger.incident;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New incidents reach PostgreSQL by COPY: every value comes back as it went in (quotes,
 * commas, line breaks, an empty text apart from a missing one, coordinates, Unicode),
 * with the ids and times an insert would give.
 */
class PostgresCopyTests {

	@Test
	void whatIsCopiedReadsBackAsItWasWithIdsInDateOrder() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
			var dataSource = postgres.getPostgresDatabase();
			Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
				.load()
				.migrate();
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			IncidentWriter writer = new IncidentWriter(jdbc);
			IncidentRepository repository = new IncidentRepository(JdbcClient.create(dataSource), jdbc);
			Incident awkward = awkward();
			Incident earlier = new Incident("acled", "COPY-2", LocalDate.parse("2019-01-01"), null, null, "Battles",
					null, null, null, null, null, null, null, null, null, null, null, "Pakistan", null, null, null,
					null, null, null, null, null, null, null, 0, Set.of(), null, null, ClaimStatus.UNCLAIMED, "C", 3,
					null, null, Set.of(), Set.of(), null);

			new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(
					(status) -> writer.insert(List.of(write(awkward, 7L, 12), write(earlier, null, null))));

			assertThat(repository.find(awkward.key())).contains(awkward);
			assertThat(repository.find(earlier.key())).contains(earlier);
			assertThat(writer.stored(List.of(awkward.key())).get(awkward.key()))
				.satisfies((stored) -> assertThat(stored.hash()).isEqualTo(IncidentRow.of(awkward).hash()))
				.satisfies((stored) -> assertThat(stored.importId()).isEqualTo(7L))
				.satisfies((stored) -> assertThat(stored.line()).isEqualTo(12));
			List<String> inIdOrder = jdbc.queryForList("SELECT event_id FROM incident ORDER BY id", String.class);
			assertThat(inIdOrder).containsExactly("COPY-2", "COPY-1");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM incident WHERE recorded_at = updated_at", Long.class))
				.isEqualTo(2);
		}
	}

	private static IncidentWriter.Write write(Incident incident, Long importId, Integer line) {
		return new IncidentWriter.Write(IncidentRow.of(incident), importId, line);
	}

	private static Incident awkward() {
		Set<String> tags = new LinkedHashSet<>(List.of("iskp-link", "plot-interdicted"));
		return new Incident("desk", "COPY-1", LocalDate.parse("2024-03-22"), 1, "Political violence",
				"Violence against civilians", "Attack", "Islamic State Khorasan Province (ISKP)", "", "Rebel group",
				"Civilians (Russia)", null, "Civilians", "Rebel group-Civilians", "Civilian targeting", 643, "Europe",
				"Russia", "Moscow Oblast", "Krasnogorsk", null, "Crocus City Hall, \"Krasnogorsk\"", 55.8254, 37.3897,
				1, "Interfax; \"TASS\", RFE/RL", "National-International",
				"Gunmen opened fire, then set the hall alight.\nAt least 145 killed; \"Amaq\" claimed, 1.0E-5 ,,;", 145,
				tags, 1711584000L, "Tajikistan", ClaimStatus.CLAIMED, "B", 2, "ISKP", "CIVILIANS",
				Set.of("concert-goers"), Set.of(), "Interfax (B) and TASS (C): two outlets; claimed by Amaq \u2014 ok");
	}

}
