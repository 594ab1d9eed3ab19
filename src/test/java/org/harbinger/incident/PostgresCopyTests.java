package org.harbinger.incident;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.harbinger.incident.IncidentChangeLog.Change;
import org.harbinger.incident.IncidentChangeLog.Kind;
import org.harbinger.system.ClusterProperties;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * New incidents reach PostgreSQL by COPY: every value comes back as it went in (quotes,
 * commas, line breaks, an empty text apart from a missing one, coordinates, Unicode,
 * notes longer than a chunk of the COPY), with the ids and times an insert would give; a
 * batch that holds stored rows is copied without them. A cluster's change log is copied
 * too.
 */
class PostgresCopyTests {

	@Test
	void whatIsCopiedReadsBackAsItWasWithIdsInDateOrder() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
			DataSource dataSource = migrated(postgres);
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			IncidentWriter writer = new IncidentWriter(jdbc);
			IncidentRepository repository = new IncidentRepository(JdbcClient.create(dataSource), jdbc);
			Incident awkward = awkward();
			// Notes longer than a chunk of the COPY go to the server on their own.
			Incident earlier = new Incident("acled", "COPY-2", LocalDate.parse("2019-01-01"), null, null, "Battles",
					null, null, null, null, null, null, null, null, null, null, null, "Pakistan", null, null, null,
					null, null, null, null, null, null, "\u00e9".repeat(40_000), 0, Set.of(), null, null,
					ClaimStatus.UNCLAIMED, "C", 3, null, null, Set.of(), Set.of(), null);

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

	@Test
	void aBatchHoldingStoredRowsCopiesTheNewOnesAndReturnsTheStoredWithTheTransactionIntact() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
			DataSource dataSource = migrated(postgres);
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			IncidentWriter writer = new IncidentWriter(jdbc);
			TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
			Incident stored = plain("COPY-S", 1);
			transaction.executeWithoutResult((status) -> writer.insert(List.of(write(stored, 1L, 2))));
			long storedId = jdbc.queryForObject("SELECT id FROM incident WHERE event_id = 'COPY-S'", Long.class);

			List<IncidentWriter.Refused> refused = transaction.execute((status) -> {
				List<IncidentWriter.Refused> result = writer.insertNew(List.of(write(plain("COPY-N1", 0), 2L, 2),
						write(plain("COPY-S", 5), 2L, 3), write(plain("COPY-N2", 0), 2L, 4)));
				// The COPY the identity refused was undone, not the transaction.
				writer.markImported(List.of(write(plain("COPY-S", 5), 2L, 3)));
				return result;
			});

			assertThat(refused).singleElement().satisfies((one) -> {
				assertThat(one.write().incident().eventId()).isEqualTo("COPY-S");
				assertThat(one.stored().id()).isEqualTo(storedId);
				assertThat(one.stored().hash()).isEqualTo(IncidentRow.of(stored).hash());
			});
			assertThat(jdbc.queryForList("SELECT event_id FROM incident ORDER BY event_id", String.class))
				.containsExactly("COPY-N1", "COPY-N2", "COPY-S");
			assertThat(jdbc.queryForObject("SELECT fatalities FROM incident WHERE event_id = 'COPY-S'", Integer.class))
				.isEqualTo(1);
			assertThat(jdbc.queryForObject("SELECT import_id FROM incident WHERE event_id = 'COPY-S'", Long.class))
				.isEqualTo(2L);
		}
	}

	private static Incident plain(String eventId, int fatalities) {
		return new Incident("acled", eventId, LocalDate.parse("2024-01-01"), null, null, "Battles", null, null, null,
				null, null, null, null, null, null, null, null, "Pakistan", null, null, null, null, null, null, null,
				null, null, null, fatalities, Set.of(), null, null, ClaimStatus.UNCLAIMED, "C", 3, null, null, Set.of(),
				Set.of(), null);
	}

	/** The database with the schema the PostgreSQL profile's migrations make. */
	@Test
	void aClusterLogsItsChangesByCopyInTheOrderTheyCameWithTheirNodeAndTime() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
			JdbcTemplate jdbc = new JdbcTemplate(migrated(postgres));
			IncidentChangeLog nodeA = new IncidentChangeLog(jdbc, node("node-a"));
			IncidentChangeLog nodeB = new IncidentChangeLog(jdbc, node("node-b"));
			Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

			nodeA.write(List.of(new IncidentKey("acled", "A1"), new IncidentKey("acled", "A2")),
					List.of(new IncidentKey("desk", "D'1, \"quoted\"")), List.of(new IncidentKey("acled", "X9")));
			nodeB.write(List.of(new IncidentKey("desk", "B1")), List.of(), List.of());

			assertThat(nodeB.since(0, List.of())).extracting(Change::key, Change::kind, Change::mine)
				.containsExactly(tuple(new IncidentKey("acled", "A1"), Kind.INSERT, false),
						tuple(new IncidentKey("acled", "A2"), Kind.INSERT, false),
						tuple(new IncidentKey("desk", "D'1, \"quoted\""), Kind.AMEND, false),
						tuple(new IncidentKey("acled", "X9"), Kind.DELETE, false),
						tuple(new IncidentKey("desk", "B1"), Kind.INSERT, true));
			assertThat(nodeA.last()).isEqualTo(5);
			assertThat(jdbc.queryForList("SELECT DISTINCT node_id FROM incident_change ORDER BY node_id", String.class))
				.containsExactly("node-a", "node-b");
			assertThat(jdbc.queryForList("SELECT recorded_at FROM incident_change", Timestamp.class))
				.allSatisfy((at) -> assertThat(at.toInstant()).isBetween(before, Instant.now()));
		}
	}

	private static ClusterProperties node(String id) {
		return new ClusterProperties(true, id, Duration.ofMillis(500), Duration.ofSeconds(10), true,
				Duration.ofSeconds(2));
	}

	private static DataSource migrated(EmbeddedPostgres postgres) {
		DataSource dataSource = postgres.getPostgresDatabase();
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
			.load()
			.migrate();
		return dataSource;
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
