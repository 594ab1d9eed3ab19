package org.harbinger.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.harbinger.engine.AlertKey;
import org.harbinger.engine.Severity;
import org.harbinger.engine.Signal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Alerts and their transition log. */
@Repository
public class AlertRepository {

	private static final String TRANSITION_SELECT = "SELECT t.id, t.alert_id, a.indicator, a.scope, t.kind, t.severity, "
			+ "t.previous_severity, t.event_day, t.evidence, t.detail, t.recorded_at, t.severity_evidence, t.severity_reason "
			+ "FROM alert_transition t JOIN alert a ON a.id = t.alert_id ";

	private final JdbcClient jdbc;

	AlertRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Filters for listing alerts; a null filter matches everything. */
	public record Filter(Alert.Status status, String indicator, String scope, Severity severity) {
	}

	public List<Alert> find(Filter filter) {
		StringBuilder sql = new StringBuilder("SELECT * FROM alert WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (filter.status() != null) {
			sql.append(" AND status = ?");
			params.add(filter.status().name());
		}
		if (filter.indicator() != null) {
			sql.append(" AND indicator = ?");
			params.add(filter.indicator());
		}
		if (filter.scope() != null) {
			sql.append(" AND (scope = ? OR scope LIKE ?)");
			params.add(filter.scope());
			params.add(filter.scope() + "/%");
		}
		if (filter.severity() != null) {
			sql.append(" AND severity = ?");
			params.add(filter.severity().name());
		}
		sql.append(" ORDER BY changed_on DESC, id DESC");
		return this.jdbc.sql(sql.toString()).params(params).query((rs, row) -> alert(rs)).list();
	}

	public Optional<Alert> find(long id) {
		return this.jdbc.sql("SELECT * FROM alert WHERE id = ?").param(id).query((rs, row) -> alert(rs)).optional();
	}

	Optional<Alert> find(AlertKey key) {
		return this.jdbc.sql("SELECT * FROM alert WHERE indicator = ? AND scope = ?")
			.params(key.indicator(), key.scope())
			.query((rs, row) -> alert(rs))
			.optional();
	}

	/** Creates the alert row for a key that has never fired; returns its id. */
	long create(AlertKey key, Signal signal, LocalDate today) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO alert (indicator, scope, status, severity, evidence, detail, first_fired_on, "
				+ "changed_on, updated_at, severity_evidence, severity_reason) VALUES (?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(key.indicator(), key.scope(), signal.severity().name(), join(signal.evidence()), signal.detail(),
					today, today, Timestamp.from(Instant.now()), join(signal.severityEvidence()),
					signal.severityReason())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The alert's version now: each change moves it by one. */
	long version(long id) {
		return this.jdbc.sql("SELECT version FROM alert WHERE id = ?").param(id).query(Long.class).single();
	}

	/**
	 * Changes the alert if it is still at {@code version}; false, changing nothing, if
	 * another writer moved it meanwhile (the row lock makes the second writer wait and
	 * then see it).
	 */
	boolean update(long id, long version, Alert.Status status, Signal signal, LocalDate today) {
		return this.jdbc
			.sql("UPDATE alert SET status = ?, severity = ?, evidence = ?, detail = ?, changed_on = ?, "
					+ "updated_at = ?, severity_evidence = ?, severity_reason = ?, version = version + 1 "
					+ "WHERE id = ? AND version = ?")
			.params(status.name(), signal.severity().name(), join(signal.evidence()), signal.detail(), today,
					Timestamp.from(Instant.now()), join(signal.severityEvidence()), signal.severityReason(), id,
					version)
			.update() == 1;
	}

	/** {@code version}: the alert's version this transition made (unique per alert). */
	void addTransition(long alertId, long version, TransitionKind kind, Severity severity, Severity previous,
			LocalDate today, Signal signal) {
		this.jdbc
			.sql("INSERT INTO alert_transition (alert_id, alert_version, kind, severity, previous_severity, "
					+ "event_day, evidence, detail, recorded_at, severity_evidence, severity_reason) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(alertId, version, kind.name(), severity.name(), (previous != null) ? previous.name() : null, today,
					join(signal.evidence()), signal.detail(), Timestamp.from(Instant.now()),
					join(signal.severityEvidence()), signal.severityReason())
			.update();
	}

	public List<Transition> transitions(long alertId) {
		return this.jdbc.sql(TRANSITION_SELECT + "WHERE t.alert_id = ? ORDER BY t.id")
			.param(alertId)
			.query((rs, row) -> transition(rs))
			.list();
	}

	/**
	 * Transitions logged after {@code afterId}, oldest first: what a digest has not yet
	 * read.
	 */
	public List<Transition> transitionsAfter(long afterId) {
		return this.jdbc.sql(TRANSITION_SELECT + "WHERE t.id > ? ORDER BY t.id")
			.param(afterId)
			.query((rs, row) -> transition(rs))
			.list();
	}

	/**
	 * The whole history, oldest first, of every alert that is open or has a transition
	 * recorded (wall clock) at or after {@code since}: what an Alertmanager push reads to
	 * say what fires since when, and what ended lately.
	 */
	public List<Transition> historiesOpenOrChangedSince(Instant since) {
		return this.jdbc
			.sql(TRANSITION_SELECT + "WHERE t.alert_id IN (SELECT id FROM alert WHERE status = 'OPEN') "
					+ "OR t.alert_id IN (SELECT alert_id FROM alert_transition WHERE recorded_at >= ?) ORDER BY t.id")
			.param(Timestamp.from(since))
			.query((rs, row) -> transition(rs))
			.list();
	}

	/**
	 * The latest transitions, newest first, at most {@code limit}: the filter's
	 * indicator, scope (with its sub-scopes) and severity (the transition's) apply; its
	 * status does not.
	 */
	public List<Transition> latestTransitions(Filter filter, int limit) {
		StringBuilder sql = new StringBuilder(TRANSITION_SELECT).append("WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (filter.indicator() != null) {
			sql.append(" AND a.indicator = ?");
			params.add(filter.indicator());
		}
		if (filter.scope() != null) {
			sql.append(" AND (a.scope = ? OR a.scope LIKE ?)");
			params.add(filter.scope());
			params.add(filter.scope() + "/%");
		}
		if (filter.severity() != null) {
			sql.append(" AND t.severity = ?");
			params.add(filter.severity().name());
		}
		sql.append(" ORDER BY t.id DESC LIMIT ?");
		params.add(limit);
		return this.jdbc.sql(sql.toString()).params(params).query((rs, row) -> transition(rs)).list();
	}

	/** Open alerts counted per indicator and severity. */
	record OpenCount(String indicator, Severity severity, long count) {
	}

	List<OpenCount> openCounts() {
		return this.jdbc
			.sql("SELECT indicator, severity, COUNT(*) FROM alert WHERE status = 'OPEN' GROUP BY indicator, severity")
			.query((rs, row) -> new OpenCount(rs.getString(1), Severity.valueOf(rs.getString(2)), rs.getLong(3)))
			.list();
	}

	public List<Alert> open() {
		return find(new Filter(Alert.Status.OPEN, null, null, null));
	}

	private static Alert alert(ResultSet rs) throws SQLException {
		return new Alert(rs.getLong("id"), rs.getString("indicator"), rs.getString("scope"),
				Alert.Status.valueOf(rs.getString("status")), Severity.valueOf(rs.getString("severity")),
				split(rs.getString("evidence")), rs.getString("detail"),
				rs.getObject("first_fired_on", LocalDate.class), rs.getObject("changed_on", LocalDate.class),
				rs.getTimestamp("updated_at").toInstant(), split(rs.getString("severity_evidence")),
				rs.getString("severity_reason"));
	}

	private static Transition transition(ResultSet rs) throws SQLException {
		String previous = rs.getString("previous_severity");
		return new Transition(rs.getLong("id"), rs.getLong("alert_id"), rs.getString("indicator"),
				rs.getString("scope"), TransitionKind.valueOf(rs.getString("kind")),
				Severity.valueOf(rs.getString("severity")), (previous != null) ? Severity.valueOf(previous) : null,
				rs.getObject("event_day", LocalDate.class), split(rs.getString("evidence")), rs.getString("detail"),
				rs.getTimestamp("recorded_at").toInstant(), split(rs.getString("severity_evidence")),
				rs.getString("severity_reason"));
	}

	private static String join(List<String> evidence) {
		return String.join("\n", evidence);
	}

	/**
	 * Evidence as stored; null (a severity-evidence column of a row written before V88)
	 * is none.
	 */
	private static List<String> split(String joined) {
		return (joined == null || joined.isEmpty()) ? List.of() : Arrays.asList(joined.split("\n"));
	}

}
