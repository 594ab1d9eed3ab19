package org.harbinger.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Acknowledgements and comments on alerts, oldest first. */
@Repository
public class AlertNotes {

	/** The longest comment kept; the column holds this many characters. */
	public static final int MAX_TEXT = 10_000;

	private final JdbcClient jdbc;

	AlertNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public AlertNote acknowledge(long alertId, String author) {
		return add(alertId, AlertNote.Kind.ACKNOWLEDGED, author, null);
	}

	/** Adds a comment; the text must be checked with {@link #problem(String)} first. */
	public AlertNote comment(long alertId, String author, String text) {
		return add(alertId, AlertNote.Kind.COMMENT, author, text.strip());
	}

	/** Why a comment's text cannot be kept, or null when it can. */
	public static String problem(String text) {
		if (text == null || text.isBlank()) {
			return "a comment needs some text";
		}
		if (text.strip().length() > MAX_TEXT) {
			return "a comment is at most " + MAX_TEXT + " characters";
		}
		return null;
	}

	public List<AlertNote> forAlert(long alertId) {
		return this.jdbc.sql("SELECT * FROM alert_note WHERE alert_id = ? ORDER BY id")
			.param(alertId)
			.query((rs, row) -> note(rs))
			.list();
	}

	/** The latest acknowledgement of each alert that has one, by alert id. */
	public Map<Long, AlertNote> lastAcknowledgements() {
		return this.jdbc
			.sql("SELECT * FROM alert_note n WHERE n.id = (SELECT MAX(l.id) FROM alert_note l "
					+ "WHERE l.alert_id = n.alert_id AND l.kind = 'ACKNOWLEDGED')")
			.query((rs, row) -> note(rs))
			.list()
			.stream()
			.collect(Collectors.toMap(AlertNote::alertId, Function.identity()));
	}

	private AlertNote add(long alertId, AlertNote.Kind kind, String author, String text) {
		Instant now = Instant.now();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO alert_note (alert_id, kind, author, body, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(alertId, kind.name(), author, text, Timestamp.from(now))
			.update(keys, "id");
		return new AlertNote(keys.getKey().longValue(), alertId, kind, author, text, now);
	}

	private static AlertNote note(ResultSet rs) throws SQLException {
		return new AlertNote(rs.getLong("id"), rs.getLong("alert_id"), AlertNote.Kind.valueOf(rs.getString("kind")),
				rs.getString("author"), rs.getString("body"), rs.getTimestamp("created_at").toInstant());
	}

}
