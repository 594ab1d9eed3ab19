package org.harbinger.digest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How far each subscription has read the transition log. */
@Repository
class DigestCursors {

	private final JdbcClient jdbc;

	DigestCursors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new subscription starts at the end of the log: it hears what changes after it is
	 * added.
	 */
	void startIfNew(String subscription) {
		if (this.jdbc.sql("SELECT COUNT(*) FROM digest_cursor WHERE subscription = ?")
			.param(subscription)
			.query(Long.class)
			.single() == 0) {
			this.jdbc
				.sql("INSERT INTO digest_cursor (subscription, last_transition) "
						+ "SELECT ?, COALESCE(MAX(id), 0) FROM alert_transition")
				.param(subscription)
				.update();
		}
	}

	/**
	 * A removed subscription's cursor goes, so that one added later by the same name
	 * starts afresh.
	 */
	void forget(String subscription) {
		this.jdbc.sql("DELETE FROM digest_cursor WHERE subscription = ?").param(subscription).update();
	}

	/**
	 * The cursor, locked for this transaction so that two runs of one digest queue up.
	 */
	long lock(String subscription) {
		startIfNew(subscription);
		return this.jdbc.sql("SELECT last_transition FROM digest_cursor WHERE subscription = ? FOR UPDATE")
			.param(subscription)
			.query(Long.class)
			.single();
	}

	/**
	 * Where the cursor stands, without locking it; empty for a subscription that has none
	 * yet.
	 */
	Optional<Long> peek(String subscription) {
		return this.jdbc.sql("SELECT last_transition FROM digest_cursor WHERE subscription = ?")
			.param(subscription)
			.query(Long.class)
			.optional();
	}

	void advance(String subscription, long lastTransition, boolean digestSent) {
		this.jdbc
			.sql("UPDATE digest_cursor SET last_transition = ?, last_digest_at = COALESCE(?, last_digest_at) "
					+ "WHERE subscription = ?")
			.params(lastTransition, digestSent ? Timestamp.from(Instant.now()) : null, subscription)
			.update();
	}

}
