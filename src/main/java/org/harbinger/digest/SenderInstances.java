package org.harbinger.digest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sender processes sharing the outbox, so that a claim can be told held or abandoned
 * (docs/architecture.md, decision 6). Each process has its own instance id, names it in
 * its claims, and keeps its row's {@code seen_at} fresh while it runs. A claim whose
 * sender has no fresh row is abandoned and returns to PENDING at once. A process that
 * starts removes the rows of earlier processes on its host: they are gone (a host runs
 * one Harbinger per database), so the claims of a crash are sent again right after the
 * restart, not after a liveness window.
 */
@Repository
class SenderInstances {

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final Duration liveness;

	private final String host = host();

	private final String self = this.host + "/" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

	private final Instant startedAt = Instant.now();

	SenderInstances(JdbcClient jdbc, Outbox outbox, MailProperties properties) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		// A live sender writes seen_at before every message, so its row grows stale only
		// by
		// more than one attempt's worst case, or by a few idle cycles.
		Duration idle = properties.dispatchInterval().multipliedBy(3);
		Duration attempt = properties.longestAttempt().multipliedBy(2);
		this.liveness = (idle.compareTo(attempt) > 0) ? idle : attempt;
	}

	/** This process's id, as its claims name it. */
	String self() {
		return this.self;
	}

	/**
	 * Joins the senders, as the one process of this host, and returns the claims of those
	 * gone.
	 */
	void register() {
		this.jdbc.sql("DELETE FROM outbox_sender WHERE host = ? AND instance_id <> ?")
			.params(this.host, this.self)
			.update();
		seen();
		releaseAbandonedClaims();
	}

	/** Says this process is alive. */
	void seen() {
		Timestamp now = Timestamp.from(Instant.now());
		if (this.jdbc.sql("UPDATE outbox_sender SET seen_at = ? WHERE instance_id = ?")
			.params(now, this.self)
			.update() == 0) {
			try {
				this.jdbc.sql("INSERT INTO outbox_sender (instance_id, host, started_at, seen_at) VALUES (?, ?, ?, ?)")
					.params(this.self, this.host, Timestamp.from(this.startedAt), now)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// The sender thread and a "send now" request inserted it at once: it is
				// there.
			}
		}
	}

	/** Leaves the senders, on a clean stop: this process holds no claim any more. */
	void deregister() {
		this.jdbc.sql("DELETE FROM outbox_sender WHERE instance_id = ?").param(this.self).update();
	}

	/**
	 * Returns the claims of senders not seen within the liveness window to PENDING; how
	 * many.
	 */
	int releaseAbandonedClaims() {
		List<String> live = this.jdbc.sql("SELECT instance_id FROM outbox_sender WHERE seen_at > ?")
			.param(Timestamp.from(Instant.now().minus(this.liveness)))
			.query(String.class)
			.list();
		return this.outbox.releaseClaimsNotHeldBy(live);
	}

	/** The name this host goes by in the senders' rows. */
	static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
