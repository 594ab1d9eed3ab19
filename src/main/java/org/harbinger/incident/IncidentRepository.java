package org.harbinger.incident;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Incidents in the database, the source of truth the engine can always be rebuilt from.
 */
@Repository
public class IncidentRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	IncidentRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
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
	 * How many of the incidents an import last sent are dated after {@code day}: beyond
	 * the event-time clock, held until it reaches them. An id range, which the primary
	 * key serves.
	 */
	public long countImportedAfter(long importId, LocalDate day) {
		return this.jdbc.sql("SELECT COUNT(*) FROM incident WHERE id >= ? AND import_id = ?")
			.params(IncidentIds.firstIdAfter(day), importId)
			.query(Long.class)
			.single();
	}

	/**
	 * Streams the incidents dated on or after {@code from}, oldest first (in the order
	 * they arrived within a day), without holding them all.
	 */
	public void forEachSince(LocalDate from, Consumer<Incident> action) {
		this.jdbc.sql("SELECT " + IncidentColumns.COLUMNS + " FROM incident WHERE id >= ? ORDER BY id")
			.param(IncidentIds.firstId(from))
			.query((RowCallbackHandler) (rs) -> action.accept(IncidentColumns.map(rs)));
	}

	/**
	 * What to pick from the incidents; a null field matches everything. Dates are event
	 * dates, both ends included; {@code actor} is a case-insensitive part of actor1,
	 * actor2 or either associated actor.
	 */
	public record Search(LocalDate from, LocalDate to, String country, String admin1, String eventType, String actor,
			String source) {
	}

	/**
	 * Streams the matching incidents, oldest first (in the order they arrived within a
	 * day), fetched in batches so that memory stays flat.
	 */
	public void forEachMatching(Search search, Consumer<Incident> action) {
		StringBuilder sql = new StringBuilder("SELECT " + IncidentColumns.COLUMNS + " FROM incident WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		where(sql, params, "id >= ?", (search.from() != null) ? IncidentIds.firstId(search.from()) : null);
		where(sql, params, "id < ?", (search.to() != null) ? IncidentIds.firstIdAfter(search.to()) : null);
		// The exact value, found through its lower-cased key, which an index serves.
		where(sql, params, "country_key = ?", SearchKeys.key(search.country()));
		where(sql, params, "country = ?", search.country());
		where(sql, params, "admin1_key = ?", SearchKeys.key(search.admin1()));
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
		}, (RowCallbackHandler) (rs) -> action.accept(IncidentColumns.map(rs)));
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
		return this.jdbc
			.sql("SELECT " + IncidentColumns.COLUMNS
					+ " FROM incident WHERE event_id IN (:ids) ORDER BY event_date, event_id")
			.param("ids", eventIds)
			.query((rs, row) -> IncidentColumns.map(rs))
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
		return this.jdbc.sql("SELECT " + IncidentColumns.COLUMNS + " FROM incident WHERE source = ? AND event_id = ?")
			.params(key.source(), key.eventId())
			.query((rs, row) -> IncidentColumns.map(rs))
			.optional();
	}

}
