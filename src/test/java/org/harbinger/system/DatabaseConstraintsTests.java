package org.harbinger.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.harbinger.Migrations;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A database the service created itself keeps checking its constraints once the
 * connections that created it are gone, as a pool retires them (Hikari after 30 minutes).
 * H2 2.4.240 instead failed every insert into {@code config_change} ("Check constraint
 * invalid", "The database has been closed"): its {@code IN (...)} check compared through
 * the closed session of the migration, so threshold changes stopped being saved half an
 * hour after the first start.
 */
class DatabaseConstraintsTests {

	private static final String URL = "jdbc:h2:mem:constraints-after-migration;DB_CLOSE_DELAY=-1";

	@Test
	void aCheckConstraintStillAcceptsAndRefusesAfterTheMigratingConnectionClosed() throws SQLException {
		// A new connection for each of Flyway's, closed after use: the migration's
		// sessions
		// are gone before the first row is written.
		Migrations.migrate(new DriverManagerDataSource(URL, "sa", ""), "h2", null);

		try (Connection connection = DriverManager.getConnection(URL, "sa", "")) {
			assertThat(insertChange(connection, "thresholds")).isOne();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> insertChange(connection, "rules"))
				.withMessageContaining("CONFIG_CHANGE_FILE")
				.withMessageNotContaining("closed");
		}
	}

	private static int insertChange(Connection connection, String file) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO config_change (config_file, changed_by, changed_at, reason, text_before, text_after) "
						+ "VALUES (?, 'ada', CURRENT_TIMESTAMP, 'a reason', 'a: 1', 'a: 2')")) {
			insert.setString(1, file);
			return insert.executeUpdate();
		}
	}

}
