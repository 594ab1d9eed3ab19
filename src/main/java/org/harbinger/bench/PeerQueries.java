package org.harbinger.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.harbinger.incident.IncidentIds;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The peer's one way to the incidents: a query per rule and window on every simulated
 * day, as ElastAlert queries its index for each rule's timeframe on each run. A window is
 * an event-date range, which the incident table's primary key serves (ids order by event
 * date, migration V8), and what the desk knew on the day: an incident counts from the day
 * it arrived, its ACLED timestamp when later than its event date (as the backtest feeds
 * it).
 */
public final class PeerQueries {

	private final JdbcTemplate jdbc;

	private long queries;

	private long rows;

	public PeerQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rows dated {@code firstDay} to {@code lastDay} (epoch days, both included) that
	 * had arrived by {@code today} and match {@code where}, an SQL condition the rule's
	 * own test then narrows (it says at least what the rule needs, in columns).
	 */
	List<PeerRow> rows(long firstDay, long lastDay, long today, String where, Object... params) {
		Object[] all = new Object[params.length + 3];
		all[0] = IncidentIds.firstId(LocalDate.ofEpochDay(firstDay));
		all[1] = IncidentIds.firstIdAfter(LocalDate.ofEpochDay(Math.min(lastDay, today)));
		all[2] = (today + 1) * 86_400L;
		System.arraycopy(params, 0, all, 3, params.length);
		List<PeerRow> found = this.jdbc.query(
				"SELECT " + PeerRow.COLUMNS + " FROM incident WHERE id >= ? AND id < ?"
						+ " AND (acled_timestamp IS NULL OR acled_timestamp < ?) AND (" + where + ")",
				PeerQueries::row, all);
		this.queries++;
		this.rows += found.size();
		return found;
	}

	/**
	 * The first event day of what had arrived by {@code today}: how far back the data
	 * reaches, which the history indicators wait for.
	 */
	Optional<Long> firstDay(long today) {
		this.queries++;
		return this.jdbc
			.query("SELECT event_date FROM incident WHERE id < ? AND (acled_timestamp IS NULL OR acled_timestamp < ?)"
					+ " ORDER BY id FETCH FIRST ROW ONLY", (rs, row) -> rs.getObject(1, LocalDate.class).toEpochDay(),
					IncidentIds.firstIdAfter(LocalDate.ofEpochDay(today)), (today + 1) * 86_400L)
			.stream()
			.findFirst();
	}

	/** Queries made so far. */
	public long queries() {
		return this.queries;
	}

	/** Rows the queries returned so far. */
	public long rowsReturned() {
		return this.rows;
	}

	private static PeerRow row(ResultSet rs, int row) throws SQLException {
		return new PeerRow(rs.getString(1), rs.getObject(2, LocalDate.class).toEpochDay(), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
				PeerRow.split(rs.getString(10)), rs.getString(11), PeerRow.split(rs.getString(12)),
				PeerRow.split(rs.getString(13)), rs.getInt(14), isSet(rs.getString(15)), rs.getString(16),
				rs.getString(17), rs.getString(18), rs.getInt(19));
	}

	private static boolean isSet(String value) {
		return value != null && !value.isBlank();
	}

}
