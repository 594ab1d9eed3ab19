package org.harbinger.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * ElastAlert's frequency rule, the shape most indicators share: one query for the rule's
 * window ending today, the rows its own test keeps grouped by scope (ElastAlert's
 * {@code query_key}), and a judgement of the groups.
 */
record PeerWindow(String indicator, int windowDays, String where, Predicate<PeerRow> counts,
		Function<PeerRow, String> scope, Judge judge) implements PeerRule {

	/** What the rows counted today, by scope, say. */
	interface Judge {

		void judge(Map<String, List<PeerRow>> byScope, PeerHits hits);

	}

	@Override
	public void evaluate(long today, Long firstDay, PeerQueries db, PeerHits hits) {
		Map<String, List<PeerRow>> byScope = new TreeMap<>();
		for (PeerRow row : db.rows(today - this.windowDays + 1, today, today, this.where)) {
			if (this.counts.test(row)) {
				byScope.computeIfAbsent(this.scope.apply(row), (key) -> new ArrayList<>()).add(row);
			}
		}
		if (!byScope.isEmpty()) {
			this.judge.judge(byScope, hits);
		}
	}

	/** The event ids of the rows, a finding's evidence. */
	static List<String> ids(Collection<PeerRow> rows) {
		return rows.stream().map(PeerRow::eventId).toList();
	}

	/** The most fatalities of one row, 0 when none. */
	static int deadliest(Collection<PeerRow> rows) {
		return rows.stream().mapToInt(PeerRow::fatalities).max().orElse(0);
	}

	static int tagged(Collection<PeerRow> rows, String tag) {
		return (int) rows.stream().filter((row) -> row.hasTag(tag)).count();
	}

	/**
	 * Whether the value is in a threshold's list; a missing value is in none (as
	 * {@code memberOf} answers in the rules).
	 */
	static boolean member(String value, Collection<String> list) {
		return value != null && list.contains(value);
	}

	/** An SQL list of the values as quoted literals: {@code 'Pakistan', 'Iran'}. */
	static String literals(Collection<String> values) {
		return values.stream().map((value) -> "'" + value.replace("'", "''") + "'").collect(Collectors.joining(", "));
	}

	/** The group acted, in columns: actor1, or among actor1's associated actors. */
	static String perpetratorSql(String group) {
		return "(actor1_group = '" + group + "' OR assoc_actor1_groups LIKE '%" + group + "%')";
	}

	/** Any of the tags, in the column that joins them. */
	static String tagsSql(String... tags) {
		List<String> likes = new ArrayList<>();
		for (String tag : tags) {
			likes.add("tags LIKE '%" + tag + "%'");
		}
		return "(" + String.join(" OR ", likes) + ")";
	}

}
