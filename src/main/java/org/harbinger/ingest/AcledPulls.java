package org.harbinger.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * ACLED pulls in the database: what each asks for, how far its download got, and the
 * cursor.
 */
@Repository
class AcledPulls {

	private final JdbcClient jdbc;

	AcledPulls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * FIRST: by event date, no cursor yet; CHANGES: by timestamp since the cursor;
	 * RELOAD: by event date, asked for.
	 */
	enum Kind {

		FIRST, CHANGES, RELOAD

	}

	/**
	 * DOWNLOADING pages, then IMPORTING the spooled file, then DONE or FAILED as its
	 * import ended.
	 */
	enum Status {

		DOWNLOADING, IMPORTING, DONE, FAILED

	}

	/** Which endpoint the download is reading: the events, then the deletions. */
	enum Phase {

		EVENTS, DELETIONS

	}

	/**
	 * One pull: what it asks for and where its download stands ({@code nextPage} of
	 * {@code phase}, the spool file holding {@code spoolBytes} bytes of {@code rowsRead}
	 * rows).
	 */
	record Pull(long id, long importId, Kind kind, Status status, List<String> countries, LocalDate since,
			LocalDate until, Long fromTimestamp, long fromDeleted, Phase phase, int nextPage, long spoolBytes,
			long rowsRead, Long maxTimestamp, Long maxDeleted) {
	}

	/**
	 * Where the last finished pulls reached: the newest timestamp and deletion time seen.
	 * Null: none yet.
	 */
	record Cursor(long timestamp, long deleted) {
	}

	long create(long importId, Kind kind, List<String> countries, LocalDate since, LocalDate until, Long fromTimestamp,
			long fromDeleted) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO acled_pull (import_id, kind, status, countries, since_date, until_date, from_timestamp, "
					+ "from_deleted, phase, next_page, spool_bytes, rows_read, started_at) "
					+ "VALUES (?, ?, 'DOWNLOADING', ?, ?, ?, ?, ?, 'EVENTS', 1, 0, 0, ?)")
			.params(importId, kind.name(), String.join("|", countries), since, until, fromTimestamp, fromDeleted,
					Timestamp.from(Instant.now()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * After a page is written to the spool and flushed: the download goes on from here
	 * after a stop.
	 */
	void downloaded(long id, Phase phase, int nextPage, long spoolBytes, long rowsRead, Long maxTimestamp,
			Long maxDeleted) {
		this.jdbc
			.sql("UPDATE acled_pull SET phase = ?, next_page = ?, spool_bytes = ?, rows_read = ?, "
					+ "max_timestamp = ?, max_deleted = ? WHERE id = ?")
			.params(phase.name(), nextPage, spoolBytes, rowsRead, maxTimestamp, maxDeleted, id)
			.update();
	}

	void status(long id, Status status) {
		this.jdbc.sql("UPDATE acled_pull SET status = ? WHERE id = ?").params(status.name(), id).update();
	}

	/**
	 * Ends a pull. A pull that saw no row or deletion reached {@code now} (epoch
	 * seconds): all there was until then is in, so the cursor may move there.
	 */
	void finish(long id, Status status, long now) {
		this.jdbc
			.sql("UPDATE acled_pull SET status = ?, finished_at = ?, max_timestamp = COALESCE(max_timestamp, ?), "
					+ "max_deleted = COALESCE(max_deleted, ?) WHERE id = ?")
			.params(status.name(), Timestamp.from(Instant.now()), now, now, id)
			.update();
	}

	Optional<Pull> byImport(long importId) {
		return this.jdbc.sql("SELECT * FROM acled_pull WHERE import_id = ?")
			.param(importId)
			.query((rs, row) -> pull(rs))
			.optional();
	}

	List<Pull> downloading() {
		return this.jdbc.sql("SELECT * FROM acled_pull WHERE status = 'DOWNLOADING' ORDER BY id")
			.query((rs, row) -> pull(rs))
			.list();
	}

	Optional<Pull> latest() {
		return this.jdbc.sql("SELECT * FROM acled_pull ORDER BY id DESC")
			.withMaxRows(1)
			.query((rs, row) -> pull(rs))
			.optional();
	}

	/**
	 * The newest timestamps that finished first loads and change pulls saw. A reload by
	 * date does not move it: it did not ask for changes to events before its first date.
	 */
	Optional<Cursor> cursor() {
		return this.jdbc
			.sql("SELECT MAX(max_timestamp) AS ts, MAX(max_deleted) AS del, COUNT(*) AS pulls FROM acled_pull "
					+ "WHERE status = 'DONE' AND kind IN ('FIRST', 'CHANGES')")
			.query((rs, row) -> (rs.getLong("pulls") == 0) ? null : new Cursor(rs.getLong("ts"), rs.getLong("del")))
			.optional();
	}

	private static Pull pull(ResultSet rs) throws SQLException {
		String countries = rs.getString("countries");
		return new Pull(rs.getLong("id"), rs.getLong("import_id"), Kind.valueOf(rs.getString("kind")),
				Status.valueOf(rs.getString("status")),
				countries.isEmpty() ? List.of() : Arrays.asList(countries.split("\\|")),
				rs.getObject("since_date", LocalDate.class), rs.getObject("until_date", LocalDate.class),
				(Long) rs.getObject("from_timestamp", Long.class), rs.getLong("from_deleted"),
				Phase.valueOf(rs.getString("phase")), rs.getInt("next_page"), rs.getLong("spool_bytes"),
				rs.getLong("rows_read"), rs.getObject("max_timestamp", Long.class),
				rs.getObject("max_deleted", Long.class));
	}

}
