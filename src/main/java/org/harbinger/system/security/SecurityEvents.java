package org.harbinger.system.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit of sign-in locks and of sign-ins that succeeded after failures (table
 * security_event).
 */
@Repository
class SecurityEvents {

	private final JdbcClient jdbc;

	SecurityEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One audited event; {@code account} is the name that was tried, which need not
	 * exist.
	 */
	record Event(long id, Instant at, String kind, String account, String address, String detail) {
	}

	void record(String kind, String account, String address, String detail) {
		this.jdbc.sql("INSERT INTO security_event (occurred_at, kind, account, address, detail) VALUES (?, ?, ?, ?, ?)")
			.params(Timestamp.from(Instant.now()), kind, LoginThrottle.printable(account, 200),
					LoginThrottle.printable(address, 100), LoginThrottle.printable(detail, 1000))
			.update();
	}

	List<Event> recent(int limit) {
		return this.jdbc.sql("SELECT id, occurred_at, kind, account, address, detail FROM security_event "
				+ "ORDER BY occurred_at DESC, id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY")
			.query((rs, row) -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

}
