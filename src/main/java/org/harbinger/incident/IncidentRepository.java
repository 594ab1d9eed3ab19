package org.harbinger.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

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
			+ "claim_status, reliability, credibility, actor1_group, actor2_group, target_groups";

	private static final String UPDATE = "UPDATE incident SET "
			+ Arrays.stream(COLUMNS.split(", ")).skip(2).map((column) -> column + " = ?").reduce((a, b) -> a + ", " + b).get()
			+ ", updated_at = ? WHERE source = ? AND event_id = ?";

	private static final String INSERT = "INSERT INTO incident (" + COLUMNS + ", recorded_at, updated_at) VALUES ("
			+ "?, ".repeat(COLUMNS.split(", ").length + 1) + "?)";

	private final JdbcClient jdbc;

	IncidentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the incident under its identity; true when it was new, false when it replaced one. */
	boolean upsert(Incident incident) {
		Timestamp now = Timestamp.from(Instant.now());
		List<Object> values = values(incident);
		List<Object> update = new ArrayList<>(values.subList(2, values.size()));
		update.add(now);
		update.add(incident.source());
		update.add(incident.eventId());
		if (this.jdbc.sql(UPDATE).params(update).update() > 0) {
			return false;
		}
		List<Object> insert = new ArrayList<>(values);
		insert.add(now);
		insert.add(now);
		this.jdbc.sql(INSERT).params(insert).update();
		return true;
	}

	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single();
	}

	public Optional<LocalDate> firstEventDate() {
		return this.jdbc.sql("SELECT MIN(event_date) FROM incident")
			.query((rs, row) -> rs.getObject(1, LocalDate.class))
			.optional();
	}

	/** Streams the incidents dated on or after {@code from}, oldest first, without holding them all. */
	public void forEachSince(LocalDate from, Consumer<Incident> action) {
		this.jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE event_date >= ? ORDER BY event_date")
			.param(from)
			.query((RowCallbackHandler) (rs) -> action.accept(map(rs)));
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

	public Optional<Incident> find(IncidentKey key) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE source = ? AND event_id = ?")
			.params(key.source(), key.eventId())
			.query((rs, row) -> map(rs))
			.optional();
	}

	private static List<Object> values(Incident i) {
		return Arrays.asList(i.source(), i.eventId(), i.eventDate(), i.timePrecision(), i.disorderType(), i.eventType(),
				i.subEventType(), i.actor1(), i.assocActor1(), i.inter1(), i.actor2(), i.assocActor2(), i.inter2(),
				i.interaction(), i.civilianTargeting(), i.iso(), i.region(), i.country(), i.admin1(), i.admin2(),
				i.admin3(), i.location(), i.latitude(), i.longitude(), i.geoPrecision(), i.reportedBy(),
				i.sourceScale(), i.notes(), i.fatalities(), String.join(";", i.tags()), i.timestamp(),
				i.originCountry(), i.claimStatus().name(), i.reliability(), i.credibility(), i.actor1Group(),
				i.actor2Group(), String.join(";", i.targetGroups()));
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
				rs.getString("actor2_group"), split(rs.getString("target_groups")));
	}

	private static Set<String> split(String joined) {
		Set<String> values = new LinkedHashSet<>();
		if (joined != null && !joined.isEmpty()) {
			values.addAll(Arrays.asList(joined.split(";")));
		}
		return values;
	}

}
