package org.harbinger.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Rendered messages waiting to be sent (docs/architecture.md, decision 6). A row is claimed before
 * sending, so two dispatchers never send it twice; a claim left by a crash expires.
 */
@Repository
public class Outbox {

	private static final Duration CLAIM_EXPIRY = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long enqueue(String subscription, List<String> recipients, Digest digest) {
		Timestamp now = Timestamp.from(Instant.now());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO outbox (subscription, message_id, recipients, subject, body_text, body_html, status, "
				+ "attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
			.params(subscription, "<" + UUID.randomUUID() + "@harbinger>", String.join(",", recipients),
					digest.subject(), digest.text(), digest.html(), now, now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (Digest.InlineImage image : digest.images()) {
			this.jdbc.sql("INSERT INTO outbox_image (outbox_id, content_id, content_type, data_base64) "
					+ "VALUES (?, ?, ?, ?)")
				.params(id, image.contentId(), image.contentType(), Base64.getEncoder().encodeToString(image.data()))
				.update();
		}
		return id;
	}

	/** The images a message shows inline. */
	List<Digest.InlineImage> images(long id) {
		return this.jdbc.sql("SELECT content_id, content_type, data_base64 FROM outbox_image WHERE outbox_id = ? "
				+ "ORDER BY content_id")
			.param(id)
			.query((rs, row) -> new Digest.InlineImage(rs.getString(1), rs.getString(2),
					Base64.getDecoder().decode(rs.getString(3))))
			.list();
	}

	/** Ids of rows due now, or whose claim has expired. */
	List<Long> due() {
		Instant now = Instant.now();
		return this.jdbc.sql("SELECT id FROM outbox WHERE (status = 'PENDING' AND next_attempt_at <= ?) "
				+ "OR (status = 'SENDING' AND claimed_at < ?) ORDER BY id")
			.params(Timestamp.from(now), Timestamp.from(now.minus(CLAIM_EXPIRY)))
			.query(Long.class)
			.list();
	}

	/** True when this caller won the row and may send it. */
	boolean claim(long id) {
		Instant now = Instant.now();
		return this.jdbc.sql("UPDATE outbox SET status = 'SENDING', claimed_at = ? WHERE id = ? AND "
				+ "((status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND claimed_at < ?))")
			.params(Timestamp.from(now), id, Timestamp.from(now), Timestamp.from(now.minus(CLAIM_EXPIRY)))
			.update() == 1;
	}

	OutboxMessage get(long id) {
		return this.jdbc.sql("SELECT * FROM outbox WHERE id = ?").param(id).query((rs, row) -> message(rs)).single();
	}

	void sent(long id, String deliveredTo) {
		this.jdbc.sql("UPDATE outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1, delivered_to = ?, "
				+ "last_error = NULL WHERE id = ?")
			.params(Timestamp.from(Instant.now()), deliveredTo, id)
			.update();
	}

	/** Records a failed attempt: retried after {@code retryAfter}, or FAILED for good when null. */
	void failed(long id, String error, Duration retryAfter) {
		this.jdbc.sql("UPDATE outbox SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
				+ "WHERE id = ?")
			.params((retryAfter != null) ? "PENDING" : "FAILED", error,
					Timestamp.from(Instant.now().plus((retryAfter != null) ? retryAfter : Duration.ZERO)), id)
			.update();
	}

	List<OutboxMessage> recent(int limit) {
		return this.jdbc.sql("SELECT * FROM outbox ORDER BY id DESC")
			.withMaxRows(limit)
			.query((rs, row) -> message(rs))
			.list();
	}

	/** A message as a listing shows it: who, what, its delivery state; the bodies stay in the outbox. */
	public record Entry(long id, String subscription, List<String> recipients, String subject, String status,
			int attempts, Instant createdAt, Instant sentAt, String deliveredTo, String lastError) {

		public Entry {
			recipients = List.copyOf(recipients);
		}

	}

	/** The latest {@code limit} messages, newest first, without their bodies. */
	public List<Entry> latest(int limit) {
		return this.jdbc
			.sql("SELECT id, subscription, recipients, subject, status, attempts, created_at, sent_at, delivered_to, "
					+ "last_error FROM outbox ORDER BY id DESC")
			.withMaxRows(limit)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("subscription"),
					Arrays.asList(rs.getString("recipients").split(",")), rs.getString("subject"),
					rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
					instant(rs.getTimestamp("sent_at")), rs.getString("delivered_to"), rs.getString("last_error")))
			.list();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static OutboxMessage message(ResultSet rs) throws SQLException {
		return new OutboxMessage(rs.getLong("id"), rs.getString("subscription"), rs.getString("message_id"),
				Arrays.asList(rs.getString("recipients").split(",")), rs.getString("subject"),
				rs.getString("body_text"), rs.getString("body_html"), rs.getString("status"), rs.getInt("attempts"),
				rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("sent_at")),
				rs.getString("last_error"), rs.getString("delivered_to"));
	}

}
