package org.harbinger.digest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What was notified, as Alertmanager's nflog: what each flash subscription was sent at
 * once, which transitions silences muted for whom, and which silences' expiry notices are
 * queued; so that a restart or a second instance never sends one twice.
 */
@Repository
class NotificationLog {

	private final JdbcClient jdbc;

	NotificationLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void flashed(String subscription, Collection<Long> transitions, long outboxId) {
		Timestamp now = Timestamp.from(Instant.now());
		for (long transition : transitions) {
			this.jdbc
				.sql("INSERT INTO flash_sent (subscription, transition_id, outbox_id, sent_at) VALUES (?, ?, ?, ?)")
				.params(subscription, transition, outboxId, now)
				.update();
		}
	}

	/**
	 * When each of these transitions went to the subscription as a flash notice, if it
	 * did.
	 */
	Map<Long, Instant> flashedAt(String subscription, Collection<Long> transitions) {
		if (transitions.isEmpty()) {
			return Map.of();
		}
		return this.jdbc
			.sql("SELECT transition_id, sent_at FROM flash_sent WHERE subscription = :subscription "
					+ "AND transition_id IN (:ids)")
			.param("subscription", subscription)
			.param("ids", transitions)
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Records that a silence muted the transition in the subscription's digest. */
	void muted(String subscription, long transition, long silence) {
		if (this.jdbc.sql("SELECT COUNT(*) FROM silenced_transition WHERE subscription = ? AND transition_id = ?")
			.params(subscription, transition)
			.query(Long.class)
			.single() == 0) {
			this.jdbc
				.sql("INSERT INTO silenced_transition (subscription, transition_id, silence_id, recorded_at) "
						+ "VALUES (?, ?, ?, ?)")
				.params(subscription, transition, silence, Timestamp.from(Instant.now()))
				.update();
		}
	}

	/** The subscriptions whose notifications the silence muted. */
	Set<String> mutedFor(long silence) {
		return Set.copyOf(this.jdbc.sql("SELECT DISTINCT subscription FROM silenced_transition WHERE silence_id = ?")
			.param(silence)
			.query(String.class)
			.list());
	}

	/** Expired silences whose notice has not been queued yet, oldest first. */
	List<Long> expiredWithoutNotice(Instant now) {
		return this.jdbc
			.sql("SELECT s.id FROM silence s LEFT JOIN silence_expiry_notice n ON n.silence_id = s.id "
					+ "WHERE s.ends_at <= ? AND n.silence_id IS NULL ORDER BY s.id")
			.param(Timestamp.from(now))
			.query(Long.class)
			.list();
	}

	/**
	 * Claims the silence's notice for this transaction: false when it was already queued.
	 * The primary key stops a concurrent second claim (its transaction fails and queues
	 * nothing).
	 */
	boolean claimExpiryNotice(long silence, Collection<String> subscriptions) {
		if (this.jdbc.sql("SELECT COUNT(*) FROM silence_expiry_notice WHERE silence_id = ?")
			.param(silence)
			.query(Long.class)
			.single() > 0) {
			return false;
		}
		this.jdbc.sql("INSERT INTO silence_expiry_notice (silence_id, noticed_at, subscriptions) VALUES (?, ?, ?)")
			.params(silence, Timestamp.from(Instant.now()), String.join(",", subscriptions))
			.update();
		return true;
	}

}
