package org.harbinger.incident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Actor names that no alias in config/actors.yml matched, kept verbatim and counted in
 * the database so that the administrator's list survives a restart. Only incidents stored
 * for the first time count, so importing a file again does not inflate the numbers.
 */
@Repository
class UnknownActors {

	private static final String MERGE = """
			MERGE INTO unknown_actor u
			USING (SELECT CAST(? AS VARCHAR(500)) AS actor, CAST(? AS BIGINT) AS n, CAST(? AS DATE) AS first_seen,
			              CAST(? AS DATE) AS last_seen) s
			ON u.actor = s.actor
			WHEN MATCHED THEN UPDATE SET occurrences = u.occurrences + s.n,
			    first_seen = LEAST(u.first_seen, s.first_seen), last_seen = GREATEST(u.last_seen, s.last_seen)
			WHEN NOT MATCHED THEN INSERT (actor, occurrences, first_seen, last_seen)
			    VALUES (s.actor, s.n, s.first_seen, s.last_seen)
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	UnknownActors(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * One unknown actor name: how many incidents carried it, and the first and last event
	 * dates.
	 */
	record UnknownActor(String actor, long occurrences, LocalDate firstSeen, LocalDate lastSeen) {
	}

	/** Counts the unknown actor names of newly stored incidents. */
	void count(List<Incident> created) {
		Map<String, UnknownActor> seen = new TreeMap<>();
		for (Incident incident : created) {
			add(seen, incident.actor1(), incident.actor1Group(), incident.eventDate());
			add(seen, incident.actor2(), incident.actor2Group(), incident.eventDate());
		}
		if (seen.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		seen.values()
			.forEach((actor) -> rows
				.add(new Object[] { actor.actor(), actor.occurrences(), actor.firstSeen(), actor.lastSeen() }));
		this.template.batchUpdate(MERGE, rows);
	}

	List<UnknownActor> list() {
		return this.jdbc
			.sql("SELECT actor, occurrences, first_seen, last_seen FROM unknown_actor "
					+ "ORDER BY occurrences DESC, actor")
			.query((rs, row) -> new UnknownActor(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class)))
			.list();
	}

	private static void add(Map<String, UnknownActor> seen, String actor, String group, LocalDate date) {
		if (actor == null || group != null) {
			return;
		}
		seen.merge(actor, new UnknownActor(actor, 1, date, date),
				(a, b) -> new UnknownActor(a.actor(), a.occurrences() + 1,
						a.firstSeen().isBefore(b.firstSeen()) ? a.firstSeen() : b.firstSeen(),
						a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen()));
	}

}
