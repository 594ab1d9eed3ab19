package org.harbinger.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.harbinger.incident.IncidentIds;
import org.harbinger.incident.IncidentRepository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds incidents by the dashboard's filters, a page at a time, and counts them per province. */
@Component
class IncidentSearch {

	private final JdbcClient jdbc;

	IncidentSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The filters; null or blank ones match everything. {@code actor} is a piece of any actor's name. */
	record Filter(LocalDate from, LocalDate to, String country, String admin1, String eventType, String actor,
			String source) {
	}

	/** An incident as a line of the results. */
	record Row(String source, String eventId, LocalDate date, String eventType, String subEventType, String actor1,
			String country, String admin1, String location, int fatalities, String grade) {
	}

	/** How many incidents and deaths the filtered set has in one province. */
	record Province(String country, String admin1, long incidents, long fatalities) {
	}

	/** A page of the filtered incidents, newest event date first; within a day, the last to arrive first. */
	List<Row> page(Filter filter, int page, int size) {
		Where where = where(filter);
		return this.jdbc
			.sql("SELECT source, event_id, event_date, event_type, sub_event_type, actor1, country, admin1, location, "
					+ "fatalities, reliability, credibility FROM incident" + where.sql
					+ " ORDER BY id DESC OFFSET " + ((long) page * size) + " ROWS FETCH NEXT "
					+ size + " ROWS ONLY")
			.params(where.params)
			.query((rs, row) -> new Row(rs.getString("source"), rs.getString("event_id"),
					rs.getObject("event_date", LocalDate.class), rs.getString("event_type"),
					rs.getString("sub_event_type"), rs.getString("actor1"), rs.getString("country"),
					rs.getString("admin1"), rs.getString("location"), rs.getInt("fatalities"),
					rs.getString("reliability") + rs.getInt("credibility")))
			.list();
	}

	long count(Filter filter) {
		Where where = where(filter);
		return this.jdbc.sql("SELECT COUNT(*) FROM incident" + where.sql).params(where.params).query(Long.class).single();
	}

	/** Provinces of the filtered set, most incidents first. */
	List<Province> provinces(Filter filter) {
		Where where = where(filter);
		return this.jdbc
			.sql("SELECT country, admin1, COUNT(*), SUM(fatalities) FROM incident" + where.sql
					+ " GROUP BY country, admin1 ORDER BY COUNT(*) DESC, country, admin1")
			.params(where.params)
			.query((rs, row) -> new Province(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/** The values a select can offer for a column: event_type or source. */
	List<String> distinct(String column) {
		if (!List.of("event_type", "source").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		return this.jdbc.sql("SELECT DISTINCT " + column + " FROM incident ORDER BY " + column).query(String.class).list();
	}

	private record Where(String sql, List<Object> params) {
	}

	private static Where where(Filter filter) {
		StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		// Ids order incidents by event date: a date range is an id range, which the primary key serves.
		if (filter.from() != null) {
			sql.append(" AND id >= ?");
			params.add(IncidentIds.firstId(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" AND id < ?");
			params.add(IncidentIds.firstIdAfter(filter.to()));
		}
		equalsIgnoringCase(sql, params, "country", filter.country());
		equalsIgnoringCase(sql, params, "admin1", filter.admin1());
		equalsIgnoringCase(sql, params, "event_type", filter.eventType());
		equalsIgnoringCase(sql, params, "source", filter.source());
		if (filter.actor() != null) {
			String like = "%" + filter.actor().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
				.replace("_", "\\_") + "%";
			sql.append(" AND (LOWER(actor1) LIKE ? ESCAPE '\\' OR LOWER(actor2) LIKE ? ESCAPE '\\'"
					+ " OR LOWER(assoc_actor_1) LIKE ? ESCAPE '\\' OR LOWER(assoc_actor_2) LIKE ? ESCAPE '\\')");
			params.addAll(List.of(like, like, like, like));
		}
		return new Where(sql.toString(), params);
	}

	private static void equalsIgnoringCase(StringBuilder sql, List<Object> params, String column, String value) {
		if (value != null) {
			sql.append(" AND LOWER(").append(column).append(") = ?");
			params.add(value.toLowerCase(Locale.ROOT));
		}
	}

}
