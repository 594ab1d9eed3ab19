package org.harbinger.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The silences, active, pending and expired; expired ones stay on record. */
@Repository
public class Silences {

	private final JdbcClient jdbc;

	Silences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every silence, newest first. */
	public List<Silence> all() {
		return this.jdbc.sql("SELECT * FROM silence ORDER BY id DESC").query((rs, row) -> silence(rs)).list();
	}

	public Optional<Silence> find(long id) {
		return this.jdbc.sql("SELECT * FROM silence WHERE id = ?").param(id).query((rs, row) -> silence(rs)).optional();
	}

	/**
	 * Which silence mutes each transition's notification when it is sent at {@code now}:
	 * one that matches it and was active when it happened, or is active now (as in
	 * Alertmanager, a silence set before the digest goes out mutes what it matches).
	 * Transitions no silence mutes are absent from the map.
	 */
	public Map<Long, Silence> muting(Collection<Transition> transitions, Instant now) {
		Map<Long, Silence> muted = new HashMap<>();
		if (transitions.isEmpty()) {
			return muted;
		}
		Instant oldest = transitions.stream().map(Transition::recordedAt).min(Comparator.naturalOrder()).orElse(now);
		List<Silence> candidates = this.jdbc
			.sql("SELECT * FROM silence WHERE ends_at > ? AND starts_at <= ? ORDER BY id")
			.params(Timestamp.from(oldest), Timestamp.from(now))
			.query((rs, row) -> silence(rs))
			.list();
		for (Transition transition : transitions) {
			candidates.stream()
				.filter((silence) -> silence.matches(transition.indicator(), transition.scope()))
				.filter((silence) -> silence.activeAt(transition.recordedAt()) || silence.activeAt(now))
				.findFirst()
				.ifPresent((silence) -> muted.put(transition.id(), silence));
		}
		return muted;
	}

	/** The silences active at {@code now}. */
	public List<Silence> activeAt(Instant now) {
		return this.jdbc.sql("SELECT * FROM silence WHERE starts_at <= ? AND ends_at > ? ORDER BY id")
			.params(Timestamp.from(now), Timestamp.from(now))
			.query((rs, row) -> silence(rs))
			.list();
	}

	long create(String indicator, String scope, Instant startsAt, Instant endsAt, String author, String comment) {
		Timestamp now = Timestamp.from(Instant.now());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO silence (indicator, scope, starts_at, ends_at, author, comment, created_at, "
					+ "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(indicator, scope, Timestamp.from(startsAt), Timestamp.from(endsAt), author, comment, now, author,
					now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void change(long id, Instant startsAt, Instant endsAt, String comment, String by) {
		this.jdbc
			.sql("UPDATE silence SET starts_at = ?, ends_at = ?, comment = ?, updated_by = ?, updated_at = ? "
					+ "WHERE id = ?")
			.params(Timestamp.from(startsAt), Timestamp.from(endsAt), comment, by, Timestamp.from(Instant.now()), id)
			.update();
	}

	private static Silence silence(ResultSet rs) throws SQLException {
		return new Silence(rs.getLong("id"), rs.getString("indicator"), rs.getString("scope"),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				rs.getString("author"), rs.getString("comment"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
	}

}
