package org.harbinger.incident;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How an incident maps to the incident table's columns and back: the one list of columns,
 * their types and order.
 */
final class IncidentColumns {

	static final String COLUMNS = "source, event_id, event_date, time_precision, disorder_type, event_type, "
			+ "sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, "
			+ "civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude, longitude, "
			+ "geo_precision, reported_by, source_scale, notes, fatalities, tags, acled_timestamp, origin_country, "
			+ "claim_status, reliability, credibility, actor1_group, actor2_group, target_groups, assoc_actor1_groups, "
			+ "grade_reason";

	/**
	 * The SQL type of each of COLUMNS, so that a null binds without asking the driver.
	 */
	static final int[] TYPES = types("source", "event_id", "event_date:" + Types.DATE,
			"time_precision:" + Types.INTEGER, "disorder_type", "event_type", "sub_event_type", "actor1",
			"assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
			"iso:" + Types.INTEGER, "region", "country", "admin1", "admin2", "admin3", "location",
			"latitude:" + Types.DOUBLE, "longitude:" + Types.DOUBLE, "geo_precision:" + Types.INTEGER, "reported_by",
			"source_scale", "notes", "fatalities:" + Types.INTEGER, "tags", "acled_timestamp:" + Types.BIGINT,
			"origin_country", "claim_status", "reliability", "credibility:" + Types.INTEGER, "actor1_group",
			"actor2_group", "target_groups", "assoc_actor1_groups", "grade_reason");

	private IncidentColumns() {
	}

	static Object[] values(Incident i) {
		return new Object[] { i.source(), i.eventId(), i.eventDate(), i.timePrecision(), i.disorderType(),
				i.eventType(), i.subEventType(), i.actor1(), i.assocActor1(), i.inter1(), i.actor2(), i.assocActor2(),
				i.inter2(), i.interaction(), i.civilianTargeting(), i.iso(), i.region(), i.country(), i.admin1(),
				i.admin2(), i.admin3(), i.location(), i.latitude(), i.longitude(), i.geoPrecision(), i.reportedBy(),
				i.sourceScale(), i.notes(), i.fatalities(), String.join(";", i.tags()), i.timestamp(),
				i.originCountry(), i.claimStatus().name(), i.reliability(), i.credibility(), i.actor1Group(),
				i.actor2Group(), String.join(";", i.targetGroups()), String.join(";", i.assocActor1Groups()),
				i.gradeReason() };
	}

	static Incident map(ResultSet rs) throws SQLException {
		return new Incident(rs.getString("source"), rs.getString("event_id"),
				rs.getObject("event_date", LocalDate.class), (Integer) rs.getObject("time_precision"),
				rs.getString("disorder_type"), rs.getString("event_type"), rs.getString("sub_event_type"),
				rs.getString("actor1"), rs.getString("assoc_actor_1"), rs.getString("inter1"), rs.getString("actor2"),
				rs.getString("assoc_actor_2"), rs.getString("inter2"), rs.getString("interaction"),
				rs.getString("civilian_targeting"), (Integer) rs.getObject("iso"), rs.getString("region"),
				rs.getString("country"), rs.getString("admin1"), rs.getString("admin2"), rs.getString("admin3"),
				rs.getString("location"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
				(Integer) rs.getObject("geo_precision"), rs.getString("reported_by"), rs.getString("source_scale"),
				rs.getString("notes"), rs.getInt("fatalities"), split(rs.getString("tags")),
				(Long) rs.getObject("acled_timestamp"), rs.getString("origin_country"),
				ClaimStatus.valueOf(rs.getString("claim_status")), rs.getString("reliability"),
				rs.getInt("credibility"), rs.getString("actor1_group"), rs.getString("actor2_group"),
				split(rs.getString("target_groups")), split(rs.getString("assoc_actor1_groups")),
				rs.getString("grade_reason"));
	}

	/**
	 * Binds by the column's type: no driver guessing, and a null needs the type anyway.
	 */
	static void bind(PreparedStatement statement, int index, Object value, int type) throws SQLException {
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

	/**
	 * Column names, each optionally ":" and its java.sql.Types code; VARCHAR when not
	 * said.
	 */
	private static int[] types(String... columns) {
		if (columns.length != COLUMNS.split(", ").length) {
			throw new IllegalStateException("TYPES does not match COLUMNS");
		}
		return Arrays.stream(columns)
			.mapToInt((column) -> column.contains(":") ? Integer.parseInt(column.substring(column.indexOf(':') + 1))
					: Types.VARCHAR)
			.toArray();
	}

	private static Set<String> split(String joined) {
		Set<String> values = new LinkedHashSet<>();
		if (joined != null && !joined.isEmpty()) {
			values.addAll(Arrays.asList(joined.split(";")));
		}
		return values;
	}

}
