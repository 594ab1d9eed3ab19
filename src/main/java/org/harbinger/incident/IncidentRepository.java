package org.harbinger.incident;

import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Incidents in the database, the source of truth the engine can always be rebuilt from. */
@Repository
public class IncidentRepository {

	private static final String COLUMNS = "source, event_id, event_date, time_precision, disorder_type, event_type, "
			+ "sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, "
			+ "civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude, longitude, "
			+ "geo_precision, reported_by, source_scale, notes, fatalities, tags, acled_timestamp, origin_country, "
			+ "claim_status, reliability, credibility, actor1_group, actor2_group, target_groups, assoc_actor1_groups, "
			+ "grade_reason";

	private static final String UPDATE = "UPDATE incident SET id = ?, "
			+ Arrays.stream(COLUMNS.split(", ")).skip(2).map((column) -> column + " = ?").reduce((a, b) -> a + ", " + b).get()
			+ ", content_hash = ?, import_id = ?, import_line = ?, updated_at = ? WHERE source = ? AND event_id = ?";

	/** The SQL type of each of COLUMNS, so that a null binds without asking the driver. */
	private static final int[] TYPES = types("source", "event_id", "event_date:" + Types.DATE,
			"time_precision:" + Types.INTEGER, "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
			"inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso:" + Types.INTEGER,
			"region", "country", "admin1", "admin2", "admin3", "location", "latitude:" + Types.DOUBLE,
			"longitude:" + Types.DOUBLE, "geo_precision:" + Types.INTEGER, "reported_by", "source_scale", "notes",
			"fatalities:" + Types.INTEGER, "tags", "acled_timestamp:" + Types.BIGINT, "origin_country", "claim_status",
			"reliability", "credibility:" + Types.INTEGER, "actor1_group", "actor2_group", "target_groups",
			"assoc_actor1_groups", "grade_reason");

	/** SQLSTATE of a unique constraint's refusal. */
	private static final String UNIQUE_VIOLATION = "23505";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	/**
	 * Whether a statement of a batch that fails leaves the others and the transaction as they
	 * were (H2), so that rows can be inserted first and the few already stored found from the
	 * refusals; PostgreSQL aborts the whole transaction instead.
	 */
	private final boolean insertsFirst;

	/** The id is the day's first id (bound) plus the sequence's next number, which each vendor spells its way. */
	private final String insertSql;

	IncidentRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
		this.insertsFirst = "H2".equals(template
			.execute((ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName()));
		// The transaction's time for both times: one value, not two binds and conversions a row.
		this.insertSql = "INSERT INTO incident (id, " + COLUMNS
				+ ", content_hash, import_id, import_line, recorded_at, updated_at) VALUES (? + "
				+ (this.insertsFirst ? "NEXT VALUE FOR incident_seq" : "nextval('incident_seq')") + ", "
				+ "?, ".repeat(COLUMNS.split(", ").length + 3) + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
	}

	boolean insertsFirst() {
		return this.insertsFirst;
	}

	/**
	 * What the database holds for an identity: its id, a hash of its content, and the import
	 * and line that last wrote it.
	 */
	record Stored(long id, long hash, Long importId, Integer line) {
	}

	/**
	 * An incident with its column values and the hash of its content, computed once (on the
	 * reading thread of an import, off the one that stores).
	 */
	public record Row(Incident incident, Object[] values, long hash) {

		static Row of(Incident incident) {
			Object[] values = IncidentRepository.values(incident);
			// The hash leaves out an empty last column (added in V85), so rows stored before it
			// do not all look amended on their next import; one naming groups does, and is.
			Object[] hashed = incident.assocActor1Groups().isEmpty() ? Arrays.copyOf(values, values.length - 1) : values;
			return new Row(incident, values, ContentHash.of(hashed));
		}

	}

	/** One incident to write, and where it came from (both null for the API). */
	record Write(Row row, Long importId, Integer line) {

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

	/** What the database holds for these identities, in one query: an array parameter, not a long IN list. */
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

	void insert(List<Write> writes) {
		this.template.batchUpdate(this.insertSql, writes, writes.size(), IncidentRepository::bindInsert);
	}

	/**
	 * Inserts the writes and returns those the identity's unique constraint refused: already
	 * stored. Only where {@link #insertsFirst()}; any other refusal fails the whole call.
	 */
	List<Write> insertNew(List<Write> writes) {
		if (writes.isEmpty()) {
			return List.of();
		}
		return this.template.execute((ConnectionCallback<List<Write>>) (connection) -> {
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
			bind(statement, i + 2, values[i], TYPES[i]);
		}
		int next = values.length + 2;
		statement.setLong(next++, write.hash());
		bind(statement, next++, write.importId(), Types.BIGINT);
		bind(statement, next, write.line(), Types.INTEGER);
	}

	void update(List<Update> updates) {
		Timestamp now = Timestamp.from(Instant.now());
		this.template.batchUpdate(UPDATE, updates, updates.size(), (statement, update) -> {
			Write write = update.write();
			statement.setLong(1, IncidentIds.movedTo(update.id(), write.incident().eventDate()));
			Object[] values = write.row().values();
			for (int i = 2; i < values.length; i++) {
				bind(statement, i, values[i], TYPES[i]);
			}
			int next = values.length;
			statement.setLong(next++, write.hash());
			bind(statement, next++, write.importId(), Types.BIGINT);
			bind(statement, next++, write.line(), Types.INTEGER);
			statement.setTimestamp(next++, now);
			statement.setString(next++, write.incident().source());
			statement.setString(next, write.incident().eventId());
		});
	}

	/** Records which import and line last sent these unchanged incidents, so a repeat later in the file is caught. */
	void markImported(List<Write> writes) {
		this.template.batchUpdate("UPDATE incident SET import_id = ?, import_line = ? WHERE source = ? AND event_id = ?",
				writes, writes.size(), (statement, write) -> {
					bind(statement, 1, write.importId(), Types.BIGINT);
					bind(statement, 2, write.line(), Types.INTEGER);
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

	/** Binds by the column's type: no driver guessing, and a null needs the type anyway. */
	private static void bind(PreparedStatement statement, int index, Object value, int type) throws SQLException {
		if (value == null) {
			statement.setNull(index, type);
			return;
		}
		switch (type) {
			case Types.VARCHAR -> statement.setString(index, (String) value);
			case Types.INTEGER -> statement.setInt(index, (Integer) value);
			case Types.BIGINT -> statement.setLong(index, (Long) value);
			case Types.DOUBLE -> statement.setDouble(index, (Double) value);
			default -> statement.setObject(index, value);
		}
	}

	/** Column names, each optionally ":" and its java.sql.Types code; VARCHAR when not said. */
	private static int[] types(String... columns) {
		if (columns.length != COLUMNS.split(", ").length) {
			throw new IllegalStateException("TYPES does not match COLUMNS");
		}
		return Arrays.stream(columns)
			.mapToInt((column) -> column.contains(":") ? Integer.parseInt(column.substring(column.indexOf(':') + 1))
					: Types.VARCHAR)
			.toArray();
	}

	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single();
	}

	public Optional<LocalDate> firstEventDate() {
		return this.jdbc.sql("SELECT event_date FROM incident ORDER BY id FETCH FIRST ROW ONLY")
			.query((rs, row) -> rs.getObject(1, LocalDate.class))
			.optional();
	}

	/**
	 * How many of the incidents an import last sent are dated after {@code day}: beyond the
	 * event-time clock, held until it reaches them. An id range, which the primary key serves.
	 */
	public long countImportedAfter(long importId, LocalDate day) {
		return this.jdbc.sql("SELECT COUNT(*) FROM incident WHERE id >= ? AND import_id = ?")
			.params(IncidentIds.firstIdAfter(day), importId)
			.query(Long.class)
			.single();
	}

	/**
	 * Streams the incidents dated on or after {@code from}, oldest first (in the order they
	 * arrived within a day), without holding them all.
	 */
	public void forEachSince(LocalDate from, Consumer<Incident> action) {
		this.jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE id >= ? ORDER BY id")
			.param(IncidentIds.firstId(from))
			.query((RowCallbackHandler) (rs) -> action.accept(map(rs)));
	}

	/**
	 * What to pick from the incidents; a null field matches everything. Dates are event
	 * dates, both ends included; {@code actor} is a case-insensitive part of actor1, actor2
	 * or either associated actor.
	 */
	public record Search(LocalDate from, LocalDate to, String country, String admin1, String eventType, String actor,
			String source) {
	}

	/**
	 * Streams the matching incidents, oldest first (in the order they arrived within a day),
	 * fetched in batches so that memory stays flat.
	 */
	public void forEachMatching(Search search, Consumer<Incident> action) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM incident WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		where(sql, params, "id >= ?", (search.from() != null) ? IncidentIds.firstId(search.from()) : null);
		where(sql, params, "id < ?", (search.to() != null) ? IncidentIds.firstIdAfter(search.to()) : null);
		where(sql, params, "country = ?", search.country());
		where(sql, params, "admin1 = ?", search.admin1());
		where(sql, params, "event_type = ?", search.eventType());
		where(sql, params, "source = ?", search.source());
		if (search.actor() != null) {
			sql.append(" AND (LOWER(actor1) LIKE ? ESCAPE '!' OR LOWER(actor2) LIKE ? ESCAPE '!'"
					+ " OR LOWER(assoc_actor_1) LIKE ? ESCAPE '!' OR LOWER(assoc_actor_2) LIKE ? ESCAPE '!')");
			String part = "%" + search.actor().toLowerCase(Locale.ROOT).replaceAll("[!%_]", "!$0") + "%";
			params.addAll(List.of(part, part, part, part));
		}
		sql.append(" ORDER BY id");
		this.template.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql.toString());
			// PostgreSQL streams only with a fetch size, inside a transaction.
			statement.setFetchSize(500);
			for (int i = 0; i < params.size(); i++) {
				statement.setObject(i + 1, params.get(i));
			}
			return statement;
		}, (RowCallbackHandler) (rs) -> action.accept(map(rs)));
	}

	private static void where(StringBuilder sql, List<Object> params, String condition, Object value) {
		if (value != null) {
			sql.append(" AND ").append(condition);
			params.add(value);
		}
	}

	public List<Incident> findByEventIds(Collection<String> eventIds) {
		if (eventIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE event_id IN (:ids) ORDER BY event_date, event_id")
			.param("ids", eventIds)
			.query((rs, row) -> map(rs))
			.list();
	}

	/**
	 * Incidents per event date from {@code from} to {@code to} (both included) among
	 * {@code eventIds}, each event id counted once a day; days without any are absent.
	 */
	public Map<LocalDate, Integer> countPerDay(Collection<String> eventIds, LocalDate from, LocalDate to) {
		Map<LocalDate, Integer> counts = new TreeMap<>();
		List<String> ids = new ArrayList<>(eventIds);
		// Short IN lists: some databases cap the parameters of one statement.
		for (int start = 0; start < ids.size(); start += 500) {
			this.jdbc
				.sql("SELECT event_date, COUNT(DISTINCT event_id) FROM incident WHERE event_id IN (:ids) "
						+ "AND event_date BETWEEN :from AND :to GROUP BY event_date")
				.param("ids", ids.subList(start, Math.min(ids.size(), start + 500)))
				.param("from", from)
				.param("to", to)
				.query((RowCallbackHandler) (rs) -> counts.merge(rs.getObject(1, LocalDate.class), rs.getInt(2),
						Integer::sum));
		}
		return counts;
	}

	public Optional<Incident> find(IncidentKey key) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE source = ? AND event_id = ?")
			.params(key.source(), key.eventId())
			.query((rs, row) -> map(rs))
			.optional();
	}

	private static Object[] values(Incident i) {
		return new Object[] { i.source(), i.eventId(), i.eventDate(), i.timePrecision(), i.disorderType(), i.eventType(),
				i.subEventType(), i.actor1(), i.assocActor1(), i.inter1(), i.actor2(), i.assocActor2(), i.inter2(),
				i.interaction(), i.civilianTargeting(), i.iso(), i.region(), i.country(), i.admin1(), i.admin2(),
				i.admin3(), i.location(), i.latitude(), i.longitude(), i.geoPrecision(), i.reportedBy(),
				i.sourceScale(), i.notes(), i.fatalities(), String.join(";", i.tags()), i.timestamp(),
				i.originCountry(), i.claimStatus().name(), i.reliability(), i.credibility(), i.actor1Group(),
				i.actor2Group(), String.join(";", i.targetGroups()), String.join(";", i.assocActor1Groups()),
				i.gradeReason() };
	}

	private static Incident map(ResultSet rs) throws SQLException {
		return new Incident(rs.getString("source"), rs.getString("event_id"), rs.getObject("event_date", LocalDate.class),
				(Integer) rs.getObject("time_precision"), rs.getString("disorder_type"), rs.getString("event_type"),
				rs.getString("sub_event_type"), rs.getString("actor1"), rs.getString("assoc_actor_1"),
				rs.getString("inter1"), rs.getString("actor2"), rs.getString("assoc_actor_2"), rs.getString("inter2"),
				rs.getString("interaction"), rs.getString("civilian_targeting"), (Integer) rs.getObject("iso"),
				rs.getString("region"), rs.getString("country"), rs.getString("admin1"), rs.getString("admin2"),
				rs.getString("admin3"), rs.getString("location"), (Double) rs.getObject("latitude"),
				(Double) rs.getObject("longitude"), (Integer) rs.getObject("geo_precision"),
				rs.getString("reported_by"), rs.getString("source_scale"), rs.getString("notes"),
				rs.getInt("fatalities"), split(rs.getString("tags")), (Long) rs.getObject("acled_timestamp"),
				rs.getString("origin_country"), ClaimStatus.valueOf(rs.getString("claim_status")),
				rs.getString("reliability"), rs.getInt("credibility"), rs.getString("actor1_group"),
				rs.getString("actor2_group"), split(rs.getString("target_groups")), split(rs.getString("assoc_actor1_groups")),
				rs.getString("grade_reason"));
	}

	private static Set<String> split(String joined) {
		Set<String> values = new LinkedHashSet<>();
		if (joined != null && !joined.isEmpty()) {
			values.addAll(Arrays.asList(joined.split(";")));
		}
		return values;
	}

}
