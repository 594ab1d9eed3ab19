package org.harbinger.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Rendered messages waiting to be sent (docs/architecture.md, decision 6). A row is
 * claimed before sending, in the name of the sender process, so two senders never send it
 * twice; the claims of a process that is gone return to PENDING (see
 * {@link SenderInstances}).
 */
@Repository
public class Outbox {

	/**
	 * Not delivered and nobody at it: waiting (perhaps in back-off), or FAILED by a
	 * version before issue 14.
	 */
	private static final String UNDELIVERED_IDLE = "'PENDING', 'FAILED'";

	private static final String UNDELIVERED = UNDELIVERED_IDLE + ", 'SENDING'";

	private final JdbcClient jdbc;

	private final ChannelBodies bodies;

	Outbox(JdbcClient jdbc, ChannelBodies bodies) {
		this.jdbc = jdbc;
		this.bodies = bodies;
	}

	/**
	 * Queues the message the way the subscription takes it: email, or a POST of its
	 * channel's body.
	 */
	long enqueue(Subscription subscription, Digest digest) {
		Delivery delivery = subscription.delivery();
		if (delivery.channel() == Delivery.Channel.EMAIL) {
			return enqueue(subscription.name(), subscription.recipients(), digest);
		}
		String messageId = messageId();
		return insert(subscription.name(), messageId, List.of(delivery.target()), digest, delivery.channel(),
				this.bodies.body(delivery.channel(), subscription.name(), messageId, digest));
	}

	long enqueue(String subscription, List<String> recipients, Digest digest) {
		long id = insert(subscription, messageId(), recipients, digest, Delivery.Channel.EMAIL, null);
		for (Digest.InlineImage image : digest.images()) {
			this.jdbc
				.sql("INSERT INTO outbox_image (outbox_id, content_id, content_type, data_base64) "
						+ "VALUES (?, ?, ?, ?)")
				.params(id, image.contentId(), image.contentType(), Base64.getEncoder().encodeToString(image.data()))
				.update();
		}
		return id;
	}

	private static String messageId() {
		return "<" + UUID.randomUUID() + "@harbinger>";
	}

	private long insert(String subscription, String messageId, List<String> recipients, Digest digest,
			Delivery.Channel channel, String json) {
		Timestamp now = Timestamp.from(Instant.now());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO outbox (subscription, message_id, recipients, subject, body_text, body_html, status, "
					+ "attempts, next_attempt_at, created_at, channel, body_json) "
					+ "VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)")
			.params(subscription, messageId, String.join(",", recipients), digest.subject(), digest.text(),
					digest.html(), now, now, channel.name(), json)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The images a message shows inline. */
	List<Digest.InlineImage> images(long id) {
		return this.jdbc
			.sql("SELECT content_id, content_type, data_base64 FROM outbox_image WHERE outbox_id = ? "
					+ "ORDER BY content_id")
			.param(id)
			.query((rs, row) -> new Digest.InlineImage(rs.getString(1), rs.getString(2),
					Base64.getDecoder().decode(rs.getString(3))))
			.list();
	}

	/** Ids of rows due now, oldest first. */
	List<Long> due() {
		return this.jdbc.sql("SELECT id FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY id")
			.param(Timestamp.from(Instant.now()))
			.query(Long.class)
			.list();
	}

	/**
	 * True when {@code sender} won the row and may send it; the claim names the sender.
	 */
	boolean claim(long id, String sender) {
		Instant now = Instant.now();
		return this.jdbc
			.sql("UPDATE outbox SET status = 'SENDING', claimed_at = ?, claimed_by = ? WHERE id = ? "
					+ "AND status = 'PENDING' AND next_attempt_at <= ?")
			.params(Timestamp.from(now), sender, id, Timestamp.from(now))
			.update() == 1;
	}

	OutboxMessage get(long id) {
		return this.jdbc.sql("SELECT * FROM outbox WHERE id = ?").param(id).query((rs, row) -> message(rs)).single();
	}

	/**
	 * Records the delivery. Only while {@code sender} still holds the claim: a claim
	 * returned as dead and sent by another must not be overwritten by a late answer.
	 */
	void sent(long id, String sender, String deliveredTo) {
		this.jdbc
			.sql("UPDATE outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1, delivered_to = ?, "
					+ "last_error = NULL, claimed_by = NULL WHERE id = ? AND status = 'SENDING' AND claimed_by = ?")
			.params(Timestamp.from(Instant.now()), deliveredTo, id, sender)
			.update();
	}

	/**
	 * Records a failed attempt and keeps its error; the message is tried again after
	 * {@code retryAfter}.
	 */
	void failed(long id, String sender, String error, Duration retryAfter) {
		this.jdbc
			.sql("UPDATE outbox SET status = 'PENDING', attempts = attempts + 1, last_error = ?, "
					+ "next_attempt_at = ?, claimed_by = NULL WHERE id = ? AND status = 'SENDING' AND claimed_by = ?")
			.params(truncate(error), Timestamp.from(Instant.now().plus(retryAfter)), id, sender)
			.update();
	}

	/** The message's status, or null when there is no such message. */
	String status(long id) {
		return this.jdbc.sql("SELECT status FROM outbox WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** Returns claims held by no live sender to PENDING, due at once; how many. */
	int releaseClaimsNotHeldBy(Collection<String> liveSenders) {
		List<String> live = liveSenders.isEmpty() ? List.of("") : List.copyOf(liveSenders);
		return this.jdbc
			.sql("UPDATE outbox SET status = 'PENDING', next_attempt_at = :now, claimed_by = NULL "
					+ "WHERE status = 'SENDING' AND (claimed_by IS NULL OR claimed_by NOT IN (:live))")
			.param("now", Timestamp.from(Instant.now()))
			.param("live", live)
			.update();
	}

	/**
	 * How many messages are not delivered yet, and since when the oldest of them waits.
	 */
	record Backlog(long count, Instant oldest) {
	}

	Backlog backlog() {
		return this.jdbc.sql("SELECT COUNT(*), MIN(created_at) FROM outbox WHERE status IN (" + UNDELIVERED + ")")
			.query((rs, row) -> new Backlog(rs.getLong(1), instant(rs.getTimestamp(2))))
			.single();
	}

	/**
	 * Makes an undelivered or cancelled message due now, recording who asked; false when
	 * it is being sent or was delivered (a delivered message is never sent twice on
	 * purpose).
	 */
	boolean resend(long id, String who) {
		return adminAction("RESEND", who, "status = 'PENDING', next_attempt_at = ?",
				"id = ? AND status IN (" + UNDELIVERED_IDLE + ", 'CANCELLED')", id) == 1;
	}

	/** Makes every undelivered message not being sent due now; how many. */
	int resendUndelivered(String who) {
		return adminAction("RESEND", who, "status = 'PENDING', next_attempt_at = ?",
				"status IN (" + UNDELIVERED_IDLE + ")", null);
	}

	/**
	 * Stops retrying a message that is not being sent and not delivered; false otherwise.
	 */
	boolean cancel(long id, String who) {
		return adminAction("CANCEL", who, "status = 'CANCELLED', next_attempt_at = ?",
				"id = ? AND status IN (" + UNDELIVERED_IDLE + ")", id) == 1;
	}

	private int adminAction(String action, String who, String set, String where, Long id) {
		Timestamp now = Timestamp.from(Instant.now());
		List<Object> params = new ArrayList<>(List.of(now, action, who, now));
		if (id != null) {
			params.add(id);
		}
		return this.jdbc
			.sql("UPDATE outbox SET " + set + ", admin_action = ?, admin_action_by = ?, " + "admin_action_at = ? WHERE "
					+ where)
			.params(params)
			.update();
	}

	private static String truncate(String error) {
		String text = (error != null) ? error : "unknown error";
		return (text.length() > 4000) ? text.substring(0, 4000) : text;
	}

	List<OutboxMessage> recent(int limit) {
		return this.jdbc.sql("SELECT * FROM outbox ORDER BY id DESC")
			.withMaxRows(limit)
			.query((rs, row) -> message(rs))
			.list();
	}

	/**
	 * A message as a listing shows it: who, what, its delivery state; the bodies stay in
	 * the outbox.
	 */
	public record Entry(long id, String subscription, List<String> recipients, String subject, String status,
			int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String deliveredTo,
			String lastError, String adminAction, String adminActionBy, Instant adminActionAt) {

		public Entry {
			recipients = List.copyOf(recipients);
		}

	}

	/** The latest {@code limit} messages, newest first, without their bodies. */
	public List<Entry> latest(int limit) {
		return this.jdbc.sql(
				"SELECT id, subscription, recipients, subject, status, attempts, created_at, next_attempt_at, sent_at, "
						+ "delivered_to, last_error, admin_action, admin_action_by, admin_action_at FROM outbox "
						+ "ORDER BY id DESC")
			.withMaxRows(limit)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("subscription"),
					Arrays.asList(rs.getString("recipients").split(",")), rs.getString("subject"),
					rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
					instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("sent_at")),
					rs.getString("delivered_to"), rs.getString("last_error"), rs.getString("admin_action"),
					rs.getString("admin_action_by"), instant(rs.getTimestamp("admin_action_at"))))
			.list();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static OutboxMessage message(ResultSet rs) throws SQLException {
		return new OutboxMessage(rs.getLong("id"), rs.getString("subscription"), rs.getString("message_id"),
				Arrays.asList(rs.getString("recipients").split(",")), rs.getString("subject"),
				rs.getString("body_text"), rs.getString("body_html"), rs.getString("status"), rs.getInt("attempts"),
				rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("next_attempt_at")),
				instant(rs.getTimestamp("sent_at")), rs.getString("last_error"), rs.getString("delivered_to"),
				rs.getString("admin_action"), rs.getString("admin_action_by"),
				instant(rs.getTimestamp("admin_action_at")), Delivery.Channel.valueOf(rs.getString("channel")),
				rs.getString("body_json"));
	}

}
