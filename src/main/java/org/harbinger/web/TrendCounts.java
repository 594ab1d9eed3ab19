package org.harbinger.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The data behind a trend chart: incidents per event date among the ones an indicator cited
 * as evidence. The one query the charts make, kept apart so that the email's chart can share it.
 */
@Component
class TrendCounts {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	TrendCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Incidents per day from {@code from} to {@code to} (both included) among {@code eventIds}; days without any are absent. */
	Map<LocalDate, Integer> daily(Collection<String> eventIds, LocalDate from, LocalDate to) {
		Map<LocalDate, Integer> counts = new TreeMap<>();
		List<String> ids = new ArrayList<>(eventIds);
		for (int start = 0; start < ids.size(); start += CHUNK) {
			this.jdbc
				.sql("SELECT event_date, COUNT(*) FROM incident WHERE event_id IN (:ids) "
						+ "AND event_date BETWEEN :from AND :to GROUP BY event_date")
				.param("ids", ids.subList(start, Math.min(ids.size(), start + CHUNK)))
				.param("from", from)
				.param("to", to)
				.query((RowCallbackHandler) (rs) -> counts.merge(rs.getObject(1, LocalDate.class), rs.getInt(2),
						Integer::sum));
		}
		return counts;
	}

}
