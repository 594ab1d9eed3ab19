package org.harbinger.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.harbinger.incident.IncidentIds;
import org.harbinger.incident.IncidentsVersion;
import org.harbinger.incident.SearchKeys;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds incidents by the dashboard's filters, a page at a time, and counts them per
 * province.
 */
@Component
class IncidentSearch {

	private final JdbcClient jdbc;

	private final IncidentsVersion version;

	/** The selects' values, kept until the stored incidents change. */
	private volatile Choices choices;

	IncidentSearch(JdbcClient jdbc, IncidentsVersion version) {
		this.jdbc = jdbc;
		this.version = version;
	}

	/**
	 * The filters; null or blank ones match everything. {@code actor} is a piece of any
	 * actor's name.
	 */
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

	/**
	 * A page of the filtered incidents, newest event date first; within a day, the last
	 * to arrive first.
	 */
	List<Row> page(Filter filter, int page, int size) {
		Where where = where(filter);
		return this.jdbc
			.sql("SELECT source, event_id, event_date, event_type, sub_event_type, actor1, country, admin1, location, "
					+ "fatalities, reliability, credibility FROM incident" + where.sql + " ORDER BY id DESC OFFSET "
					+ ((long) page * size) + " ROWS FETCH NEXT " + size + " ROWS ONLY")
			.params(where.params)
			.query((rs, row) -> new Row(rs.getString("source"), rs.getString("event_id"),
					rs.getObject("event_date", LocalDate.class), rs.getString("event_type"),
					rs.getString("sub_event_type"), rs.getString("actor1"), rs.getString("country"),
					rs.getString("admin1"), rs.getString("location"), rs.getInt("fatalities"),
					rs.getString("reliability") + rs.getInt("credibility")))
			.list();
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

	/**
	 * A place of the filtered set: the mean position of its incidents that have
	 * coordinates, how many, how many killed.
	 */
	record Place(String country, String admin1, String location, double latitude, double longitude, long incidents,
			long fatalities) {
	}

	/**
	 * The filtered incidents with coordinates, by place (country, province, location).
	 */
	List<Place> places(Filter filter) {
		Where where = where(filter);
		return this.jdbc.sql(
				"SELECT country, admin1, location, AVG(latitude), AVG(longitude), COUNT(*), SUM(fatalities) FROM incident"
						+ where.sql
						+ " AND latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY country, admin1, location")
			.params(where.params)
			.query((rs, row) -> new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
					rs.getDouble(5), rs.getLong(6), rs.getLong(7)))
			.list();
	}

	/**
	 * The event ids among {@code eventIds} that are in the filtered set, each with its
	 * place as "country/admin1/location".
	 */
	Map<String, String> placesOf(Filter filter, Collection<String> eventIds) {
		Map<String, String> places = new HashMap<>();
		List<String> ids = List.copyOf(eventIds);
		// In slices, so that an alert with thousands of incidents stays within any
		// database's parameter limit.
		for (int start = 0; start < ids.size(); start += 500) {
			List<String> slice = ids.subList(start, Math.min(ids.size(), start + 500));
			Where where = where(filter);
			List<Object> params = new ArrayList<>(where.params);
			params.addAll(slice);
			this.jdbc
				.sql("SELECT event_id, country, admin1, location FROM incident" + where.sql + " AND event_id IN ("
						+ String.join(", ", Collections.nCopies(slice.size(), "?")) + ")")
				.params(params)
				.query((rs) -> {
					places.put(rs.getString(1), placeKey(rs.getString(2), rs.getString(3), rs.getString(4)));
				});
		}
		return places;
	}

	static String placeKey(String country, String admin1, String location) {
		return country + "/" + Objects.toString(admin1, "") + "/" + Objects.toString(location, "");
	}

	/** The values the selects offer, and the changes they were read after. */
	private record Choices(IncidentsVersion.Stamp version, Map<String, List<String>> byColumn) {
	}

	/**
	 * The values a select can offer for a column: event_type or source. Each is a read of
	 * the whole table, so they are kept until the stored incidents change, not read for
	 * every search.
	 */
	List<String> distinct(String column) {
		if (!List.of("event_type", "source").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		// Counted before reading: a change during the reads makes the next call read
		// again.
		IncidentsVersion.Stamp version = this.version.now();
		Choices kept = this.choices;
		if (kept == null || !kept.version().equals(version)) {
			kept = new Choices(version, Map.of("event_type", read("event_type"), "source", read("source")));
			this.choices = kept;
		}
		return kept.byColumn().get(column);
	}

	private List<String> read(String column) {
		return this.jdbc.sql("SELECT DISTINCT " + column + " FROM incident ORDER BY " + column)
			.query(String.class)
			.list();
	}

	private record Where(String sql, List<Object> params) {
	}

	private static Where where(Filter filter) {
		StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		// Ids order incidents by event date: a date range is an id range, which the
		// primary key serves.
		if (filter.from() != null) {
			sql.append(" AND id >= ?");
			params.add(IncidentIds.firstId(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" AND id < ?");
			params.add(IncidentIds.firstIdAfter(filter.to()));
		}
		// The lower-cased copies the writer keeps: country_key leads an index with id.
		if (filter.country() != null) {
			sql.append(" AND country_key = ?");
			params.add(SearchKeys.key(filter.country()));
		}
		if (filter.admin1() != null) {
			sql.append(" AND admin1_key = ?");
			params.add(SearchKeys.key(filter.admin1()));
		}
		equalsIgnoringCase(sql, params, "event_type", filter.eventType());
		equalsIgnoringCase(sql, params, "source", filter.source());
		if (filter.actor() != null) {
			String like = "%" + filter.actor()
				.toLowerCase(Locale.ROOT)
				.replace("\\", "\\\\")
				.replace("%", "\\%")
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
