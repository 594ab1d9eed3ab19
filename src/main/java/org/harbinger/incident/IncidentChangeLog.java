package org.harbinger.incident;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.harbinger.system.ClusterProperties;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The incident change log of a cluster (table {@code incident_change}): each insert,
 * amendment and deletion, written in the transaction of the change itself, so the elected
 * engine neither misses nor invents one whichever node took it. A single node writes
 * nothing: its engine hears its changes directly.
 */
@Component
public class IncidentChangeLog {

	public enum Kind {

		INSERT, AMEND, DELETE

	}

	/**
	 * One logged change: its place in the log, the incident, what happened to it, and
	 * whether this node logged it.
	 */
	public record Change(long seq, IncidentKey key, Kind kind, boolean mine) {
	}

	private static final String COLUMNS = "source, event_id, kind, node_id, recorded_at";

	private final JdbcTemplate jdbc;

	private final ClusterProperties cluster;

	/** Whether the log is written by COPY (PostgreSQL, every cluster's database). */
	private final boolean copies;

	IncidentChangeLog(JdbcTemplate jdbc, ClusterProperties cluster) {
		this.jdbc = jdbc;
		this.cluster = cluster;
		this.copies = cluster.enabled() && CopyWriter.copies(jdbc);
	}

	void write(Collection<IncidentKey> inserted, Collection<IncidentKey> amended, Collection<IncidentKey> deleted) {
		if (!this.cluster.enabled()) {
			return;
		}
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>(inserted.size() + amended.size() + deleted.size());
		inserted.forEach((key) -> rows.add(row(key, Kind.INSERT, now)));
		amended.forEach((key) -> rows.add(row(key, Kind.AMEND, now)));
		deleted.forEach((key) -> rows.add(row(key, Kind.DELETE, now)));
		if (rows.isEmpty()) {
			return;
		}
		if (!this.copies) {
			this.jdbc.batchUpdate("INSERT INTO incident_change (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)", rows);
			return;
		}
		// A row a change: inserted one by one, the log took two fifths of a cluster's
		// import rate (docs/performance.md, "Import").
		long at = CopyWriter.microseconds(now.toInstant());
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			CopyWriter.copy(connection, "COPY incident_change (" + COLUMNS + ") FROM STDIN (FORMAT binary)", 5,
					(out) -> {
						for (Object[] row : rows) {
							out.row();
							for (int i = 0; i < 4; i++) {
								out.field(row[i], Types.VARCHAR);
							}
							out.field(at, Types.BIGINT);
						}
					});
			return null;
		});
	}

	private Object[] row(IncidentKey key, Kind kind, Timestamp now) {
		return new Object[] { key.source(), key.eventId(), kind.name(), this.cluster.nodeId(), now };
	}

	/** The last place in the log now, 0 when empty. */
	public long last() {
		Long last = this.jdbc.queryForObject("SELECT MAX(seq) FROM incident_change", Long.class);
		return (last != null) ? last : 0;
	}

	/**
	 * Changes logged after {@code after}, and those at the places in {@code gaps}
	 * (numbers skipped by a transaction that had not committed yet), in log order. This
	 * node's own are listed too, marked, so that a reader can tell them from gaps.
	 */
	public List<Change> since(long after, Collection<Long> gaps) {
		StringBuilder sql = new StringBuilder(
				"SELECT seq, source, event_id, kind, node_id FROM incident_change WHERE (seq > ?");
		List<Object> params = new ArrayList<>(List.of(after));
		if (!gaps.isEmpty()) {
			sql.append(" OR seq IN (").append(String.join(", ", gaps.stream().map((gap) -> "?").toList())).append(")");
			params.addAll(gaps);
		}
		// A page at a time: a large import on another node is read in several polls.
		sql.append(") ORDER BY seq FETCH FIRST 5000 ROWS ONLY");
		return this.jdbc.query(sql.toString(),
				(rs, row) -> new Change(rs.getLong(1), new IncidentKey(rs.getString(2), rs.getString(3)),
						Kind.valueOf(rs.getString(4)), this.cluster.nodeId().equals(rs.getString(5))),
				params.toArray());
	}

}
