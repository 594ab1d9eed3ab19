package org.harbinger.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import org.harbinger.engine.Severity;

import static org.harbinger.bench.PeerWindow.deadliest;
import static org.harbinger.bench.PeerWindow.ids;
import static org.harbinger.bench.PeerWindow.literals;
import static org.harbinger.bench.PeerWindow.member;
import static org.harbinger.bench.PeerWindow.perpetratorSql;
import static org.harbinger.bench.PeerWindow.tagsSql;

/**
 * The indicators that judge the present against the past: the surges against their
 * baseline (ElastAlert's spike rule), the new province against a year of lookback
 * (ElastAlert's new-term rule), and the strategic silence, silent until the data covers
 * its window. Each mirrors its rule file in {@code rules/}.
 */
final class PeerHistoryRules {

	private PeerHistoryRules() {
	}

	static List<PeerRule> of(PeerThresholds t) {
		return List.of(attackSurge(t), crackdownSurge(t), ttpSurge(t), propagandaSurge(t), newProvince(t),
				strategicSilence(t));
	}

	/** What a spike rule decides for one scope from its window and its baseline. */
	interface SpikeJudge {

		void judge(long today, String scope, List<PeerRow> window, List<PeerRow> baseline, double factor,
				PeerHits hits);

	}

	/** Reads the factor that lowers a rule's bar today (1.0: none). */
	interface Factor {

		double on(long today, PeerQueries db);

	}

	/**
	 * One query over the window and the baseline before it, once the data covers both;
	 * the scopes counted in the window are judged.
	 */
	record Spike(String indicator, int windowDays, int baselineDays, String where, Predicate<PeerRow> counts,
			Function<PeerRow, String> scope, Factor factor, SpikeJudge judge) implements PeerRule {

		@Override
		public void evaluate(long today, Long firstDay, PeerQueries db, PeerHits hits) {
			long first = today - this.windowDays - this.baselineDays + 1;
			if (firstDay == null || firstDay > first) {
				return;
			}
			Map<String, List<PeerRow>> window = new TreeMap<>();
			Map<String, List<PeerRow>> baseline = new HashMap<>();
			for (PeerRow row : db.rows(first, today, today, this.where)) {
				if (this.counts.test(row)) {
					(row.day() > today - this.windowDays ? window : baseline)
						.computeIfAbsent(this.scope.apply(row), (key) -> new ArrayList<>())
						.add(row);
				}
			}
			if (window.isEmpty()) {
				return;
			}
			double lowered = this.factor.on(today, db);
			window.forEach((scope, rows) -> this.judge.judge(today, scope, rows,
					baseline.getOrDefault(scope, List.of()), lowered, hits));
		}

	}

	private static PeerRule attackSurge(PeerThresholds t) {
		String id = "attack-surge";
		PeerSurge surge = PeerSurge.of(t, id);
		double criticalRatio = t.real(id + ".critical-ratio");
		int heightened = t.integer("campaign-declared.heightened-days");
		double heightenedFactor = t.real("campaign-declared.heightened-factor");
		// A declared campaign lowers the bar: its own query, as each ElastAlert rule has.
		Factor campaign = (today,
				db) -> db.rows(today - heightened + 1, today, today, tagsSql("campaign-declared"))
					.stream()
					.anyMatch(PeerCountRules::declaresCampaign) ? heightenedFactor : 1.0;
		return new Spike(id, surge.windowDays(), surge.baselineDays(),
				PeerRow.VIOLENT_SQL + " AND " + perpetratorSql("ISKP"), (r) -> r.iskpPerpetrator() && r.violent(),
				PeerRow::country, campaign, (today, country, counted, base, factor, hits) -> {
					if (surge.detects(counted, base, today, factor)) {
						double mean = (double) base.size() * surge.windowDays() / surge.baselineDays();
						boolean critical = (double) counted.size() >= criticalRatio * factor * mean;
						hits.add(id, country, critical ? Severity.CRITICAL : Severity.WARNING, ids(counted));
					}
				});
	}

	private static PeerRule crackdownSurge(PeerThresholds t) {
		String id = "crackdown-surge";
		int window = t.integer(id + ".window-days");
		int baseline = t.integer(id + ".baseline-days");
		double ratio = t.real(id + ".ratio");
		double criticalRatio = t.real(id + ".critical-ratio");
		int minCount = t.integer(id + ".min-count");
		return new Spike(id, window, baseline, "actor2_group = 'ISKP'", (r) -> r.iskpTarget() && r.actor1StateForce(),
				PeerRow::country, (today, db) -> 1.0, (today, country, counted, base, factor, hits) -> {
					int count = counted.size();
					if (count >= minCount && count >= ratio * base.size() * window / baseline) {
						double mean = (double) base.size() * window / baseline;
						hits.add(id, country,
								((double) count >= criticalRatio * mean) ? Severity.CRITICAL : Severity.WARNING,
								ids(counted));
					}
				});
	}

	private static PeerRule ttpSurge(PeerThresholds t) {
		String id = "ttp-surge";
		int window = t.integer(id + ".window-days");
		int baseline = t.integer(id + ".baseline-days");
		double ratio = t.real(id + ".ratio");
		double criticalRatio = t.real(id + ".critical-ratio");
		int minCount = t.integer(id + ".min-count");
		int massCasualty = t.integer(id + ".mass-casualty-fatalities");
		return new Spike(id, window, baseline,
				PeerRow.VIOLENT_SQL + " AND country = 'Pakistan' AND " + perpetratorSql("TTP"),
				(r) -> r.perpetrator("TTP") && r.violent() && "Pakistan".equals(r.country()), PeerRow::admin1Scope,
				(today, db) -> 1.0, (today, province, counted, base, factor, hits) -> {
					int count = counted.size();
					int deadliest = deadliest(counted);
					if (count >= minCount && count >= ratio * base.size() * window / baseline
							|| deadliest >= massCasualty) {
						double mean = (double) base.size() * window / baseline;
						boolean critical = count >= criticalRatio * mean || deadliest >= massCasualty;
						hits.add(id, province, critical ? Severity.CRITICAL : Severity.WARNING, ids(counted));
					}
				});
	}

	private static PeerRule propagandaSurge(PeerThresholds t) {
		String id = "propaganda-surge";
		PeerSurge surge = PeerSurge.of(t, id);
		List<String> watched = t.list(id + ".watch-languages");
		return new Spike(id, surge.windowDays(), surge.baselineDays(),
				tagsSql("propaganda") + " AND " + tagsSql("lang="),
				(r) -> r.hasTag("propaganda") && !r.iskpTarget() && r.language() != null, PeerRow::language,
				(today, db) -> 1.0, (today, language, counted, base, factor, hits) -> {
					if (surge.detects(counted, base, today, 1.0)) {
						hits.add(id, "lang=" + language,
								watched.contains(language) ? Severity.CRITICAL : Severity.WARNING, ids(counted));
					}
				});
	}

	/**
	 * Every ISKP attack of the window in a province with no ISKP event of any kind in the
	 * lookback before its day: a year and a window of rows, queried again each day.
	 */
	private static PeerRule newProvince(PeerThresholds t) {
		String id = "new-province";
		int window = t.integer(id + ".window-days");
		int lookback = t.integer(id + ".lookback-days");
		List<String> countries = t.list(id + ".countries");
		String where = "country IN (" + literals(countries) + ") AND admin1 IS NOT NULL AND (actor2_group = 'ISKP' OR "
				+ perpetratorSql("ISKP") + ")";
		return new PeerRule() {

			@Override
			public String indicator() {
				return id;
			}

			@Override
			public void evaluate(long today, Long firstDay, PeerQueries db, PeerHits hits) {
				// No attack of the window has a full lookback behind it yet.
				if (firstDay == null || firstDay > today - lookback) {
					return;
				}
				List<PeerRow> attacks = new ArrayList<>();
				Map<String, TreeSet<Long>> sightings = new HashMap<>();
				for (PeerRow row : db.rows(today - window + 1 - lookback, today, today, where)) {
					if (row.named("ISKP") && member(row.country(), countries) && row.admin1() != null) {
						sightings.computeIfAbsent(row.admin1Scope(), (key) -> new TreeSet<>()).add(row.day());
						if (row.day() > today - window && row.iskpPerpetrator() && row.violent()) {
							attacks.add(row);
						}
					}
				}
				for (PeerRow attack : attacks) {
					if (firstDay <= attack.day() - lookback && !seenBefore(sightings, attack, lookback)) {
						hits.add(id, attack.admin1Scope(), Severity.WARNING, List.of(attack.eventId()));
					}
				}
			}

		};
	}

	private static boolean seenBefore(Map<String, TreeSet<Long>> sightings, PeerRow attack, int lookback) {
		Long before = sightings.get(attack.admin1Scope()).lower(attack.day());
		return before != null && before >= attack.day() - lookback;
	}

	private static PeerRule strategicSilence(PeerThresholds t) {
		String id = "strategic-silence";
		int window = t.integer(id + ".window-days");
		int maxClaimed = t.integer(id + ".max-claimed");
		int minExternal = t.integer(id + ".min-external");
		String where = perpetratorSql("ISKP") + " OR " + tagsSql("iskp-link", "plot-interdicted");
		return new PeerRule() {

			@Override
			public String indicator() {
				return id;
			}

			@Override
			public void evaluate(long today, Long firstDay, PeerQueries db, PeerHits hits) {
				if (firstDay == null || firstDay > today - window + 1) {
					return;
				}
				int claimed = 0;
				List<PeerRow> external = new ArrayList<>();
				for (PeerRow r : db.rows(today - window + 1, today, today, where)) {
					if (r.iskpPerpetrator() && r.violent() && "Afghanistan".equals(r.country())
							&& "CLAIMED".equals(r.claimStatus())) {
						claimed++;
					}
					if (r.iskpPerpetrator() && r.hasTag("propaganda")
							|| (r.iskpPerpetrator() || r.hasAnyTag("iskp-link", "plot-interdicted"))
									&& !"Afghanistan".equals(r.country()) && !"Pakistan".equals(r.country())) {
						external.add(r);
					}
				}
				if (claimed < maxClaimed && external.size() >= minExternal) {
					hits.add(id, "Afghanistan", Severity.INFO, ids(external));
				}
			}

		};
	}

}
