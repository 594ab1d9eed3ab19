package org.harbinger.incident;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.harbinger.Migrations;
import org.harbinger.TestIncidents;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids order incidents by event date. Migration V8 renumbers the incidents of a database
 * made before it, on both vendors; the incidents stored after it continue the order.
 */
class IncidentIdMigrationTests {

	private static final List<String> DATES = List.of("2022-04-18", "1969-12-31", "2019-01-01", "1970-01-01",
			"2022-04-18", "2019-01-02");

	@Test
	void anH2DatabaseOfEarlierIncidentsIsRenumberedInDateOrder() throws SQLException {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:v8-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		migrateAndCheck(h2, "h2");
	}

	@Test
	void aPostgresqlDatabaseOfEarlierIncidentsIsRenumberedInDateOrder() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
			migrateAndCheck(postgres.getPostgresDatabase(), "postgresql");
		}
	}

	@Test
	void idsOrderDaysAndADateTooFarOutForTheirBitsStandsForTheEnd() {
		assertThat(IncidentIds.firstId(LocalDate.parse("1900-01-01")))
			.isLessThan(IncidentIds.firstId(LocalDate.parse("1969-12-31")))
			.isLessThan(IncidentIds.firstId(LocalDate.parse("1970-01-01")));
		assertThat(IncidentIds.firstIdAfter(LocalDate.parse("2022-04-18")))
			.isEqualTo(IncidentIds.firstId(LocalDate.parse("2022-04-19")));
		assertThat(IncidentIds.firstId(LocalDate.MAX)).isEqualTo(Long.MAX_VALUE);
		assertThat(IncidentIds.firstIdAfter(LocalDate.MAX)).isEqualTo(Long.MAX_VALUE);
		assertThat(IncidentIds.firstId(LocalDate.MIN)).isEqualTo(Long.MIN_VALUE);
		long id = IncidentIds.firstId(LocalDate.parse("1969-12-31")) + 7;
		assertThat(IncidentIds.movedTo(id, LocalDate.parse("2022-04-18")))
			.isEqualTo(IncidentIds.firstId(LocalDate.parse("2022-04-18")) + 7);
	}

	private static void migrateAndCheck(DataSource dataSource, String vendor) throws SQLException {
		Migrations.migrate(dataSource, vendor, "7");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		for (int i = 0; i < DATES.size(); i++) {
			jdbc.update("INSERT INTO incident (source, event_id, event_date, event_type, country, fatalities, "
					+ "claim_status, reliability, credibility, recorded_at, updated_at) VALUES ('desk', ?, ?, 'Battles', "
					+ "'Afghanistan', 0, 'UNCLAIMED', 'C', 3, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", "M-" + i,
					LocalDate.parse(DATES.get(i)));
		}

		Migrations.migrate(dataSource, vendor, null);

		List<Long> ids = jdbc.queryForList("SELECT id FROM incident ORDER BY id", Long.class);
		List<String> dates = jdbc.queryForList("SELECT event_date FROM incident ORDER BY id", LocalDate.class)
			.stream()
			.map(LocalDate::toString)
			.toList();
		assertThat(dates).containsExactly("1969-12-31", "1970-01-01", "2019-01-01", "2019-01-02", "2022-04-18",
				"2022-04-18");
		for (int i = 0; i < ids.size(); i++) {
			assertThat(ids.get(i)).isBetween(IncidentIds.firstId(LocalDate.parse(dates.get(i))),
					IncidentIds.firstId(LocalDate.parse(dates.get(i)).plusDays(1)) - 1);
		}
		assertThat(indexes(dataSource)).doesNotContain("incident_event_date");

		IncidentRepository repository = new IncidentRepository(JdbcClient.create(dataSource), jdbc);
		Incident later = TestIncidents.protest("M-new", LocalDate.parse("2019-01-01"), "Afghanistan");
		new IncidentWriter(jdbc).insert(List.of(new IncidentWriter.Write(IncidentRow.of(later), null, null)));
		List<String> since = new ArrayList<>();
		repository.forEachSince(LocalDate.parse("2019-01-01"), (incident) -> since.add(incident.eventId()));
		assertThat(since).startsWith("M-2", "M-new", "M-5").hasSize(5);
		assertThat(repository.firstEventDate()).contains(LocalDate.parse("1969-12-31"));
	}

	private static List<String> indexes(DataSource dataSource) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			String table = connection.getMetaData().storesUpperCaseIdentifiers() ? "INCIDENT" : "incident";
			try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
				while (rs.next()) {
					if (rs.getString("INDEX_NAME") != null) {
						names.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		return names;
	}

}
