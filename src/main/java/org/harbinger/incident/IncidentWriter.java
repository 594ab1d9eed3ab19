package org.harbinger.incident;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Writes to the incident table for {@link IncidentService}, the one writer: batched
 * inserts (ids ordered by event date, {@link IncidentIds}), updates, deletions, and the
 * look-up of what is stored already.
 */
@Repository
class IncidentWriter {

	private static final String UPDATE = "UPDATE incident SET id = ?, "
			+ Arrays.stream(IncidentColumns.COLUMNS.split(", "))
				.skip(2)
				.map((column) -> column + " = ?")
				.reduce((a, b) -> a + ", " + b)
				.get()
			+ ", content_hash = ?, import_id = ?, import_line = ?, country_key = ?, admin1_key = ?, updated_at = ? "
			+ "WHERE source = ? AND event_id = ?";

	/** SQLSTATE of a unique constraint's refusal. */
	private static final String UNIQUE_VIOLATION = "23505";

	private final JdbcTemplate template;

	/**
	 * Whether this is H2, where a statement of a batch that fails leaves the others and
	 * the transaction as they were; PostgreSQL aborts the transaction instead, so there a
	 * batch is copied under a savepoint.
	 */
	private final boolean h2;

	/**
	 * H2's insert: the id is the day's first id (bound) plus the sequence's next number
	 * (PostgreSQL copies, {@link PostgresCopy}).
	 */
	private final String insertSql;

	IncidentWriter(JdbcTemplate template) {
		this.template = template;
		this.h2 = !CopyWriter.copies(template);
		// The transaction's time for both times: one value, not two binds and conversions
		// a row.
		this.insertSql = "INSERT INTO incident (id, " + IncidentColumns.COLUMNS
				+ ", content_hash, import_id, import_line, " + SearchKeys.COLUMNS
				+ ", recorded_at, updated_at) VALUES (? + NEXT VALUE FOR incident_seq, "
				+ "?, ".repeat(IncidentColumns.COLUMNS.split(", ").length + 5)
				+ "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
	}

	/**
	 * What the database holds for an identity: its id, a hash of its content, and the
	 * import and line that last wrote it.
	 */
	record Stored(long id, long hash, Long importId, Integer line) {
	}

	/** One incident to write, and where it came from (both null for the API). */
	record Write(IncidentRow row, Long importId, Integer line) {

		Incident incident() {
			return this.row.incident();
		}

		long hash() {
			return this.row.hash();
		}

	}

	/** A new version of a stored incident, and the stored one's id. */
	record Update(Write write, long id) {
	}

	/** A write the identity's unique constraint refused, and what is stored for it. */
	record Refused(Write write, Stored stored) {
	}

	/**
	 * What the database holds for these identities, in one query: an array parameter, not
	 * a long IN list.
	 */
	Map<IncidentKey, Stored> stored(Collection<IncidentKey> keys) {
		Map<IncidentKey, Stored> stored = new HashMap<>();
		if (keys.isEmpty()) {
			return stored;
		}
		Set<IncidentKey> wanted = new HashSet<>(keys);
		Object[] ids = wanted.stream().map(IncidentKey::eventId).distinct().toArray();
		this.template.query(
				"SELECT source, event_id, id, content_hash, import_id, import_line FROM incident WHERE event_id = ANY (?)",
				(statement) -> statement.setArray(1, statement.getConnection().createArrayOf("VARCHAR", ids)),
				(RowCallbackHandler) (rs) -> {
					IncidentKey key = new IncidentKey(rs.getString(1), rs.getString(2));
					if (wanted.contains(key)) {
						Long hash = (Long) rs.getObject(4);
						stored.put(key, new Stored(rs.getLong(3), (hash != null) ? hash : 0L, (Long) rs.getObject(5),
								(Integer) rs.getObject(6)));
					}
				});
		return stored;
	}

	/** Inserts rows known to be new: a batch of inserts on H2, COPY on PostgreSQL. */
	void insert(List<Write> writes) {
		if (this.h2) {
			this.template.batchUpdate(this.insertSql, writes, writes.size(), IncidentWriter::bindInsert);
		}
		else {
			this.template.execute((ConnectionCallback<Void>) (connection) -> {
				PostgresCopy.insert(connection, writes);
				return null;
			});
		}
	}

	/**
	 * Inserts the writes and returns those the identity's unique constraint refused,
	 * already stored, with what is stored: a batch of new rows then asks nothing per row.
	 * H2 refuses row by row; on PostgreSQL a refusal undoes the batch's COPY (to a
	 * savepoint), and the batch is looked up and its new rows copied. Any other refusal
	 * fails the whole call.
	 */
	List<Refused> insertNew(List<Write> writes) {
		if (writes.isEmpty()) {
			return List.of();
		}
		List<Write> refused = this.template.execute((ConnectionCallback<List<Write>>) (connection) -> {
			if (!this.h2) {
				return copyNew(connection, writes);
			}
			try (PreparedStatement statement = connection.prepareStatement(this.insertSql)) {
				for (Write write : writes) {
					bindInsert(statement, write);
					statement.addBatch();
				}
				try {
					statement.executeBatch();
					return List.of();
				}
				catch (BatchUpdateException ex) {
					return alreadyStored(writes, ex);
				}
			}
		});
		if (refused.isEmpty()) {
			return List.of();
		}
		Map<IncidentKey, Stored> found = stored(refused.stream().map((write) -> write.incident().key()).toList());
		List<Refused> stored = new ArrayList<>(refused.size());
		for (Write write : refused) {
			Stored before = found.get(write.incident().key());
			if (before == null) {
				throw new DataIntegrityViolationException(
						"the database refused " + write.incident().key() + " as stored, but it is not there");
			}
			stored.add(new Refused(write, before));
		}
		return stored;
	}

	/**
	 * PostgreSQL: copies the writes, or, if the identity refuses one, none of them; then
	 * copies those not stored and returns the others.
	 */
	private List<Write> copyNew(Connection connection, List<Write> writes) throws SQLException {
		Savepoint beforeCopy = connection.setSavepoint();
		try {
			PostgresCopy.insert(connection, writes);
			connection.releaseSavepoint(beforeCopy);
			return List.of();
		}
		catch (SQLException ex) {
			if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
				throw ex;
			}
			connection.rollback(beforeCopy);
		}
		Map<IncidentKey, Stored> found = stored(writes.stream().map((write) -> write.incident().key()).toList());
		List<Write> fresh = new ArrayList<>();
		List<Write> refused = new ArrayList<>();
		for (Write write : writes) {
			(found.containsKey(write.incident().key()) ? refused : fresh).add(write);
		}
		PostgresCopy.insert(connection, fresh);
		return refused;
	}

	private static List<Write> alreadyStored(List<Write> writes, BatchUpdateException ex) throws SQLException {
		for (SQLException failure = ex.getNextException(); failure != null; failure = failure.getNextException()) {
			if (!UNIQUE_VIOLATION.equals(failure.getSQLState())) {
				throw ex;
			}
		}
		int[] counts = ex.getUpdateCounts();
		if (counts.length != writes.size()) {
			throw ex;
		}
		List<Write> stored = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == Statement.EXECUTE_FAILED) {
				stored.add(writes.get(i));
			}
		}
		return stored;
	}

	private static void bindInsert(PreparedStatement statement, Write write) throws SQLException {
		statement.setLong(1, IncidentIds.firstId(write.incident().eventDate()));
		Object[] values = write.row().values();
		for (int i = 0; i < values.length; i++) {
			IncidentColumns.bind(statement, i + 2, values[i], IncidentColumns.TYPES[i]);
		}
		int next = values.length + 2;
		statement.setLong(next++, write.hash());
		IncidentColumns.bind(statement, next++, write.importId(), Types.BIGINT);
		IncidentColumns.bind(statement, next++, write.line(), Types.INTEGER);
		bindKeys(statement, next, write.incident());
	}

	/** The search keys of the incident, from parameter {@code first} on. */
	private static int bindKeys(PreparedStatement statement, int first, Incident incident) throws SQLException {
		int next = first;
		for (String key : SearchKeys.of(incident)) {
			IncidentColumns.bind(statement, next++, key, Types.VARCHAR);
		}
		return next;
	}

	void update(List<Update> updates) {
		Timestamp now = Timestamp.from(Instant.now());
		this.template.batchUpdate(UPDATE, updates, updates.size(), (statement, update) -> {
			Write write = update.write();
			statement.setLong(1, IncidentIds.movedTo(update.id(), write.incident().eventDate()));
			Object[] values = write.row().values();
			for (int i = 2; i < values.length; i++) {
				IncidentColumns.bind(statement, i, values[i], IncidentColumns.TYPES[i]);
			}
			int next = values.length;
			statement.setLong(next++, write.hash());
			IncidentColumns.bind(statement, next++, write.importId(), Types.BIGINT);
			IncidentColumns.bind(statement, next++, write.line(), Types.INTEGER);
			next = bindKeys(statement, next, write.incident());
			statement.setTimestamp(next++, now);
			statement.setString(next++, write.incident().source());
			statement.setString(next, write.incident().eventId());
		});
	}

	/**
	 * Records which import and line last sent these unchanged incidents, so a repeat
	 * later in the file is caught.
	 */
	void markImported(List<Write> writes) {
		this.template.batchUpdate(
				"UPDATE incident SET import_id = ?, import_line = ? WHERE source = ? AND event_id = ?", writes,
				writes.size(), (statement, write) -> {
					IncidentColumns.bind(statement, 1, write.importId(), Types.BIGINT);
					IncidentColumns.bind(statement, 2, write.line(), Types.INTEGER);
					statement.setString(3, write.incident().source());
					statement.setString(4, write.incident().eventId());
				});
	}

	/** Removes the incidents; returns those that were there. */
	List<IncidentKey> delete(List<IncidentKey> keys) {
		int[][] counts = this.template.batchUpdate("DELETE FROM incident WHERE source = ? AND event_id = ?", keys,
				keys.size(), (statement, key) -> {
					statement.setString(1, key.source());
					statement.setString(2, key.eventId());
				});
		List<IncidentKey> deleted = new ArrayList<>();
		int index = 0;
		for (int[] batch : counts) {
			for (int count : batch) {
				if (count > 0) {
					deleted.add(keys.get(index));
				}
				index++;
			}
		}
		return deleted;
	}

}
