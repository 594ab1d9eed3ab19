package org.harbinger.incident;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.harbinger.Migrations;
import org.harbinger.TestIncidents;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lower-cased country and province the search reads (V63) match the stored ones on
 * both vendors: backfilled for incidents stored before the migration, written with each
 * new incident, and rewritten when an import amends one.
 */
class SearchKeysTests {

	private static final LocalDate DAY = LocalDate.parse("2023-05-01");

	@Test
	void onH2TheKeysAreBackfilledWrittenOnInsertAndKeptInStepOnUpdate() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:v63-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		migrateAndCheck(h2, "h2");
	}

	@Test
	void onPostgresqlTheKeysAreBackfilledCopiedOnInsertAndKeptInStepOnUpdate() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
			migrateAndCheck(postgres.getPostgresDatabase(), "postgresql");
		}
	}

	private static void migrateAndCheck(DataSource dataSource, String vendor) {
		Migrations.migrate(dataSource, vendor, "62");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		insertBeforeV63(jdbc, "OLD-1", "Afghanistan", "Kunar");
		insertBeforeV63(jdbc, "OLD-2", "CÔTE D'IVOIRE", null);

		Migrations.migrate(dataSource, vendor, null);

		assertThat(keys(jdbc, "OLD-1")).containsExactly("afghanistan", "kunar");
		assertThat(keys(jdbc, "OLD-2")).containsExactly("côte d'ivoire", null);

		IncidentWriter writer = new IncidentWriter(jdbc);
		Incident added = TestIncidents.builder("NEW-1", DAY, "PAKISTAN").admin1("Khyber Pakhtunkhwa").build();
		writer.insert(List.of(write(added)));
		assertThat(keys(jdbc, "NEW-1")).containsExactly("pakistan", "khyber pakhtunkhwa");

		long id = jdbc.queryForObject("SELECT id FROM incident WHERE event_id = 'NEW-1'", Long.class);
		Incident amended = TestIncidents.builder("NEW-1", DAY, "Afghanistan").admin1("Nangarhar").build();
		writer.update(List.of(new IncidentWriter.Update(write(amended), id)));
		assertThat(keys(jdbc, "NEW-1")).containsExactly("afghanistan", "nangarhar");
		Incident noProvince = TestIncidents.builder("NEW-1", DAY, "Afghanistan").build();
		writer.update(List.of(new IncidentWriter.Update(write(noProvince), id)));
		assertThat(keys(jdbc, "NEW-1")).containsExactly("afghanistan", null);
	}

	private static IncidentWriter.Write write(Incident incident) {
		return new IncidentWriter.Write(IncidentRow.of(incident), null, null);
	}

	private static void insertBeforeV63(JdbcTemplate jdbc, String eventId, String country, String admin1) {
		jdbc.update("INSERT INTO incident (id, source, event_id, event_date, event_type, country, admin1, fatalities, "
				+ "claim_status, reliability, credibility, recorded_at, updated_at) VALUES (?, 'desk', ?, ?, 'Battles', "
				+ "?, ?, 0, 'UNCLAIMED', 'C', 3, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
				IncidentIds.firstId(DAY) + eventId.hashCode() % 1000 + 1000, eventId, DAY, country, admin1);
	}

	private static List<String> keys(JdbcTemplate jdbc, String eventId) {
		Map<String, Object> row = jdbc.queryForMap("SELECT country_key, admin1_key FROM incident WHERE event_id = ?",
				eventId);
		return java.util.Arrays.asList((String) row.get("country_key"), (String) row.get("admin1_key"));
	}

}
