package org.harbinger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The service's Flyway migrations on a database of a test's own, as the service runs
 * them.
 */
public final class Migrations {

	private Migrations() {
	}

	/**
	 * Migrates to {@code target} (a version such as {@code "62"}), or to the latest when
	 * it is null; {@code vendor} is {@code h2} or {@code postgresql}.
	 */
	public static void migrate(DataSource dataSource, String vendor, String target) {
		var configuration = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
			.outOfOrder(true);
		if (target != null) {
			configuration.target(target);
		}
		configuration.load().migrate();
	}

}
