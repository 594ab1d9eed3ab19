package org.harbinger.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Import jobs and their quarantine of refused rows. */
@Repository
class ImportJobs {

	/**
	 * The database column holds this much of a reason; longer ones (a huge value quoted)
	 * are cut.
	 */
	private static final int MAX_REASON = 4000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ImportJobs(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** One refused row of an import, as it was in the file. */
	record Rejected(int line, String reason, String raw) {
	}

	/** What one committed batch adds to the job's counts. */
	record Progress(long bytesRead, Integer committedLine, int created, int amended, int unchanged, int deleted,
			int rejected) {
	}

	long create(String fileName, String path, ImportJob.Origin origin, long fileSize) {
		KeyHolder keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc
			.sql("INSERT INTO import_job (file_name, path, origin, file_size, status, bytes_read, committed_line, "
					+ "created, amended, unchanged, deleted, rejected, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, 'QUEUED', 0, 0, 0, 0, 0, 0, 0, ?, ?)")
			.params(fileName, path, origin.name(), fileSize, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<ImportJob> find(long id) {
		return this.jdbc.sql("SELECT * FROM import_job WHERE id = ?").param(id).query((rs, row) -> job(rs)).optional();
	}

	List<ImportJob> recent(int limit) {
		return this.jdbc.sql("SELECT * FROM import_job ORDER BY id DESC")
			.withMaxRows(limit)
			.query((rs, row) -> job(rs))
			.list();
	}

	/** Jobs a stop of the service left queued or running. */
	List<ImportJob> unfinished() {
		return this.jdbc.sql("SELECT * FROM import_job WHERE status IN ('QUEUED', 'RUNNING') ORDER BY id")
			.query((rs, row) -> job(rs))
			.list();
	}

	void start(long id, String format, String header, Integer resumedAtLine) {
		this.jdbc
			.sql("UPDATE import_job SET status = 'RUNNING', format = ?, header = ?, resumed_at_line = ?, "
					+ "message = ?, updated_at = ? WHERE id = ?")
			.params(format, header, resumedAtLine,
					(resumedAtLine != null) ? "resumed after a restart: lines up to " + resumedAtLine
							+ " were committed before it, the rest read now" : null,
					Timestamp.from(Instant.now()), id)
			.update();
	}

	/** Adds a committed batch's counts; called in the batch's transaction. */
	void progress(long id, Progress progress) {
		this.jdbc
			.sql("UPDATE import_job SET bytes_read = ?, committed_line = COALESCE(?, committed_line), created = created + ?, "
					+ "amended = amended + ?, unchanged = unchanged + ?, deleted = deleted + ?, rejected = rejected + ?, "
					+ "updated_at = ? WHERE id = ?")
			.params(progress.bytesRead(), progress.committedLine(), progress.created(), progress.amended(),
					progress.unchanged(), progress.deleted(), progress.rejected(), Timestamp.from(Instant.now()), id)
			.update();
	}

	/** A pull's file is downloaded: its size, and what the job says meanwhile. */
	void sized(long id, long fileSize, String message) {
		this.jdbc.sql("UPDATE import_job SET file_size = ?, message = ?, updated_at = ? WHERE id = ?")
			.params(fileSize, cut(message), Timestamp.from(Instant.now()), id)
			.update();
	}

	/**
	 * What a job that has not started says it is doing (a pull downloading its pages).
	 */
	void note(long id, String message) {
		this.jdbc.sql("UPDATE import_job SET message = ?, updated_at = ? WHERE id = ?")
			.params(cut(message), Timestamp.from(Instant.now()), id)
			.update();
	}

	void finish(long id, ImportJob.Status status, String message) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc
			.sql("UPDATE import_job SET status = ?, message = COALESCE(?, message), finished_at = ?, "
					+ "updated_at = ? WHERE id = ?")
			.params(status.name(), cut(message), now, now, id)
			.update();
	}

	void reject(long id, List<Rejected> rows) {
		this.template.batchUpdate("INSERT INTO import_rejected (import_id, line, reason, raw) VALUES (?, ?, ?, ?)",
				rows, rows.size(), (statement, row) -> {
					statement.setLong(1, id);
					statement.setInt(2, row.line());
					statement.setString(3, cut(row.reason()));
					statement.setString(4, row.raw());
				});
	}

	List<Rejected> rejected(long id, int limit) {
		return this.jdbc.sql("SELECT line, reason, raw FROM import_rejected WHERE import_id = ? ORDER BY line")
			.param(id)
			.withMaxRows(limit)
			.query((rs, row) -> rejected(rs))
			.list();
	}

	/** Streams every refused row of a job in line order, without holding them all. */
	void forEachRejected(long id, Consumer<Rejected> action) {
		this.jdbc.sql("SELECT line, reason, raw FROM import_rejected WHERE import_id = ? ORDER BY line")
			.param(id)
			.query((RowCallbackHandler) (rs) -> action.accept(rejected(rs)));
	}

	private static String cut(String text) {
		return (text == null || text.length() <= MAX_REASON) ? text : text.substring(0, MAX_REASON - 1) + "…";
	}

	private static Rejected rejected(ResultSet rs) throws SQLException {
		return new Rejected(rs.getInt("line"), rs.getString("reason"), rs.getString("raw"));
	}

	private static ImportJob job(ResultSet rs) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new ImportJob(rs.getLong("id"), rs.getString("file_name"), rs.getString("path"),
				ImportJob.Origin.valueOf(rs.getString("origin")), rs.getLong("file_size"), rs.getString("format"),
				rs.getString("header"), ImportJob.Status.valueOf(rs.getString("status")), rs.getLong("bytes_read"),
				rs.getInt("committed_line"), rs.getLong("created"), rs.getLong("amended"), rs.getLong("unchanged"),
				rs.getLong("deleted"), rs.getLong("rejected"), (Integer) rs.getObject("resumed_at_line"),
				rs.getString("message"), rs.getTimestamp("created_at").toInstant(),
				(finished != null) ? finished.toInstant() : null);
	}

}
