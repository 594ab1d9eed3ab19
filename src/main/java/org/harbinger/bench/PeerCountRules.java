package org.harbinger.bench;

import java.util.Collections;
import java.util.List;

import org.harbinger.engine.Severity;

import static org.harbinger.bench.PeerWindow.deadliest;
import static org.harbinger.bench.PeerWindow.ids;
import static org.harbinger.bench.PeerWindow.literals;
import static org.harbinger.bench.PeerWindow.member;
import static org.harbinger.bench.PeerWindow.perpetratorSql;
import static org.harbinger.bench.PeerWindow.tagged;
import static org.harbinger.bench.PeerWindow.tagsSql;

/**
 * The indicators that count incidents per scope over one window and compare the count
 * with thresholds, each as ElastAlert would write it: a filter (the SQL, then the rule's
 * own test of the row) and a judgement of the counts. Each mirrors its rule file in
 * {@code rules/}; docs/indicators.md, section 3, says what they mean.
 */
final class PeerCountRules {

	private static final String SD = "Strategic developments";

	private PeerCountRules() {
	}

	static List<PeerRule> of(PeerThresholds t) {
		return List.of(targetedKillings(t), massExpulsion(t), safeHaven(t), defection(t), sectarian(t),
				externalOperations(t), rivalry(t), borderClash(t), foreigners(t), crossBorderFire(t), stronghold(t),
				campaignDeclared(t));
	}

	private static PeerRule targetedKillings(PeerThresholds t) {
		String id = "targeted-killings";
		return new PeerWindow(id, t.integer(id + ".window-days"),
				PeerRow.VIOLENT_SQL + " AND (" + perpetratorSql("ISKP") + " OR actor1_group = 'UNKNOWN') AND "
						+ tagsSql("official-targeted", "scholar-targeted", "party="),
				(r) -> r.violent() && (r.iskpPerpetrator() || "UNKNOWN".equals(r.actor1Group()))
						&& (r.hasAnyTag("official-targeted", "scholar-targeted") || r.hasTagStartingWith("party=")),
				PeerRow::admin2Scope, minAndCritical(id, t));
	}

	/** At least min-count in the window; CRITICAL at critical-count. */
	private static PeerWindow.Judge minAndCritical(String id, PeerThresholds t) {
		int min = t.integer(id + ".min-count");
		int critical = t.integer(id + ".critical-count");
		return (byScope, hits) -> byScope.forEach((scope, rows) -> {
			if (rows.size() >= min) {
				hits.add(id, scope, (rows.size() >= critical) ? Severity.CRITICAL : Severity.WARNING, ids(rows));
			}
		});
	}

	private static PeerRule massExpulsion(PeerThresholds t) {
		String id = "mass-expulsion";
		List<String> countries = t.list(id + ".expelling-countries");
		return new PeerWindow(id, t.integer(id + ".window-days"),
				"country IN (" + literals(countries) + ") AND (" + tagsSql("expulsion") + " OR (event_type = '" + SD
						+ "' AND actor2_group = 'MIGRANTS'))",
				(r) -> !r.iskpTarget() && member(r.country(), countries)
						&& (r.hasTag("expulsion") || SD.equals(r.eventType()) && "MIGRANTS".equals(r.actor2Group())),
				PeerRow::country, minAndCritical(id, t));
	}

	private static PeerRule safeHaven(PeerThresholds t) {
		String id = "safe-haven";
		List<String> hosts = t.list(id + ".host-countries");
		List<String> groups = t.list(id + ".havened-groups");
		return new PeerWindow(id, t.integer(id + ".window-days"),
				"country IN (" + literals(hosts) + ") AND (" + tagsSql("safe-haven") + " OR event_type = '" + SD + "')",
				(r) -> member(r.country(), hosts)
						&& (r.hasTag("safe-haven") || SD.equals(r.eventType()) && !"Arrests".equals(r.subEventType())
								&& !"Disrupted weapons use".equals(r.subEventType()) && r.namesAny(groups)),
				PeerRow::admin1Scope, minAndCritical(id, t));
	}

	private static PeerRule defection(PeerThresholds t) {
		String id = "defection-to-iskp";
		int min = t.integer(id + ".min-count");
		return new PeerWindow(id, t.integer(id + ".window-days"),
				tagsSql("defection", "infiltration", "iskp-link")
						+ " OR (sub_event_type = 'Change to group/activity' AND actor2_group = 'ISKP')",
				(r) -> r.hasAnyTag("defection", "mass-defection", "infiltration", "iskp-link", "defection-threat")
						|| "Change to group/activity".equals(r.subEventType()) && "ISKP".equals(r.actor2Group()),
				PeerRow::admin1Scope, (byScope, hits) -> byScope.forEach((scope, rows) -> {
					int mass = tagged(rows, "mass-defection");
					if (rows.size() >= min || mass > 0 || tagged(rows, "defection-threat") > 0) {
						hits.add(id, scope, (mass > 0) ? Severity.CRITICAL : Severity.WARNING, ids(rows));
					}
				}));
	}

	private static PeerRule sectarian(PeerThresholds t) {
		String id = "sectarian-attack";
		List<String> communities = t.list(id + ".communities");
		int massCasualty = t.integer(id + ".mass-casualty-fatalities");
		int campaign = t.integer(id + ".campaign-count");
		return new PeerWindow(id, t.integer(id + ".campaign-window-days"),
				PeerRow.VIOLENT_SQL + " AND (target_groups <> '' OR " + tagsSql("religious-site", "school") + ")",
				(r) -> r.violent() && !r.iskpTarget()
						&& (!Collections.disjoint(r.targetGroups(), communities)
								|| r.civilianTargeting() && r.hasAnyTag("religious-site", "school")),
				PeerRow::country,
				(byScope,
						hits) -> byScope.forEach((scope, rows) -> hits.add(id, scope,
								(deadliest(rows) >= massCasualty || rows.size() >= campaign) ? Severity.CRITICAL
										: Severity.WARNING,
								ids(rows))));
	}

	private static PeerRule externalOperations(PeerThresholds t) {
		String id = "external-operations";
		int massCasualty = t.integer(id + ".mass-casualty-fatalities");
		int campaign = t.integer(id + ".campaign-count");
		int campaignCountries = t.integer(id + ".campaign-distinct-countries");
		return new PeerWindow(id, t.integer(id + ".campaign-window-days"),
				"country NOT IN ('Afghanistan', 'Pakistan') AND (" + perpetratorSql("ISKP") + " OR "
						+ tagsSql("iskp-link", "plot-interdicted") + ")",
				(r) -> (r.iskpPerpetrator() || r.hasAnyTag("iskp-link", "plot-interdicted"))
						&& !"Afghanistan".equals(r.country()) && !"Pakistan".equals(r.country()),
				PeerRow::country, (byScope, hits) -> {
					byScope.forEach((country, rows) -> hits.add(id, country,
							(deadliest(rows) >= massCasualty) ? Severity.CRITICAL : Severity.WARNING, ids(rows)));
					List<PeerRow> all = byScope.values().stream().flatMap(List::stream).toList();
					if (all.size() >= campaign && byScope.size() >= campaignCountries) {
						hits.add(id, "global", Severity.CRITICAL, ids(all));
					}
				});
	}

	private static PeerRule rivalry(PeerThresholds t) {
		String id = "jihadist-rivalry";
		List<String> propagandaRivals = t.list(id + ".propaganda-rivals");
		List<String> armedRivals = t.list(id + ".armed-rivals");
		int min = t.integer(id + ".min-count");
		int criticalViolent = t.integer(id + ".critical-violent");
		return new PeerWindow(id, t.integer(id + ".window-days"),
				"(" + tagsSql("propaganda") + " OR " + PeerRow.VIOLENT_SQL + ") AND (actor2_group = 'ISKP' OR "
						+ perpetratorSql("ISKP") + ")",
				(r) -> propagandaMatch(r, propagandaRivals) || violenceMatch(r, armedRivals), PeerRow::country,
				(byScope, hits) -> byScope.forEach((country, rows) -> {
					if (rows.size() >= min) {
						long violent = rows.stream().filter((r) -> violenceMatch(r, armedRivals)).count();
						hits.add(id, country, (violent >= criticalViolent) ? Severity.CRITICAL : Severity.WARNING,
								ids(rows));
					}
				}));
	}

	private static boolean propagandaMatch(PeerRow r, List<String> rivals) {
		return r.hasTag("propaganda") && (r.iskpPerpetrator() && member(r.actor2Group(), rivals)
				|| "ISKP".equals(r.actor2Group()) && member(r.actor1Group(), rivals));
	}

	private static boolean violenceMatch(PeerRow r, List<String> rivals) {
		return r.violent() && (r.iskpPerpetrator() && member(r.actor2Group(), rivals)
				|| "ISKP".equals(r.actor2Group()) && member(r.actor1Group(), rivals));
	}

	private static PeerRule borderClash(PeerThresholds t) {
		String id = "pak-afghan-border-clash";
		int critical = t.integer(id + ".critical-count");
		return new PeerWindow(id, t.integer(id + ".window-days"),
				PeerRow.VIOLENT_SQL + " AND (" + perpetratorSql("PAKISTAN_FORCES") + " OR " + perpetratorSql("TALIBAN")
						+ ")",
				(r) -> r.violent() && (r.perpetrator("PAKISTAN_FORCES")
						&& ("TALIBAN".equals(r.actor2Group()) || "Afghanistan".equals(r.country()))
						|| r.perpetrator("TALIBAN")
								&& ("PAKISTAN_FORCES".equals(r.actor2Group()) || "Pakistan".equals(r.country()))),
				PeerRow::country, (byScope, hits) -> byScope.forEach((country, rows) -> {
					boolean deadly = rows.stream().anyMatch(PeerCountRules::civilianDeaths);
					hits.add(id, country, (rows.size() >= critical || deadly) ? Severity.CRITICAL : Severity.WARNING,
							ids(rows));
				}));
	}

	/** Fire across the line that killed civilians. */
	private static boolean civilianDeaths(PeerRow r) {
		return r.violent() && r.fatalities() > 0 && (r.civilianTargeting() || "CIVILIANS".equals(r.actor2Group()))
				&& (r.perpetrator("PAKISTAN_FORCES") && "Afghanistan".equals(r.country())
						|| r.perpetrator("TALIBAN") && "Pakistan".equals(r.country()));
	}

	private static PeerRule foreigners(PeerThresholds t) {
		String id = "foreigner-targeting";
		int campaign = t.integer(id + ".campaign-count");
		return new PeerWindow(id, t.integer(id + ".window-days"),
				"country = 'Afghanistan' AND (target_groups LIKE '%FOREIGNERS%' OR " + tagsSql("foreigners") + ")",
				(r) -> !r.iskpTarget() && "Afghanistan".equals(r.country())
						&& (r.targetGroups().contains("FOREIGNERS") || r.hasTag("foreigners")),
				(r) -> "Afghanistan", (byScope, hits) -> byScope.forEach((scope, rows) -> {
					int killed = rows.stream().mapToInt(PeerRow::fatalities).sum();
					hits.add(id, scope, (killed > 0 || rows.size() >= campaign) ? Severity.CRITICAL : Severity.WARNING,
							ids(rows));
				}));
	}

	private static PeerRule crossBorderFire(PeerThresholds t) {
		String id = "cross-border-fire";
		List<String> neighbours = t.list(id + ".neighbours");
		String grade = t.text(id + ".min-grade");
		int criticalCountries = t.integer(id + ".critical-distinct-countries");
		int criticalCount = t.integer(id + ".critical-count");
		return new PeerWindow(id, t.integer(id + ".window-days"),
				"origin_country = 'Afghanistan' AND sub_event_type IN ('Shelling/artillery/missile attack', "
						+ "'Air/drone strike') AND country IN (" + literals(neighbours) + ")",
				(r) -> !r.iskpTarget() && "Afghanistan".equals(r.originCountry())
						&& ("Shelling/artillery/missile attack".equals(r.subEventType())
								|| "Air/drone strike".equals(r.subEventType()))
						&& member(r.country(), neighbours) && r.reliability().compareTo(grade.substring(0, 1)) <= 0
						&& r.credibility() <= grade.charAt(1) - '0',
				PeerRow::country, (byScope, hits) -> {
					int events = byScope.values().stream().mapToInt(List::size).sum();
					boolean critical = byScope.size() >= criticalCountries || events >= criticalCount;
					byScope.forEach((country, rows) -> hits.add(id, country,
							critical ? Severity.CRITICAL : Severity.WARNING, ids(rows)));
				});
	}

	private static PeerRule stronghold(PeerThresholds t) {
		String id = "stronghold-reemergence";
		List<String> strongholds = t.list(id + ".strongholds");
		return new PeerWindow(id, t.integer(id + ".window-days"),
				perpetratorSql("ISKP") + " AND admin1 IN (" + literals(strongholds) + ") AND ("
						+ tagsSql("flag-sighting", "prison-escape")
						+ " OR sub_event_type = 'Headquarters or base established')",
				(r) -> r.iskpPerpetrator()
						&& (r.hasAnyTag("flag-sighting", "prison-escape")
								|| "Headquarters or base established".equals(r.subEventType()))
						&& member(r.admin1(), strongholds),
				PeerRow::admin1Scope,
				(byScope, hits) -> byScope.forEach((scope, rows) -> hits.add(id, scope, Severity.WARNING, ids(rows))));
	}

	private static PeerRule campaignDeclared(PeerThresholds t) {
		String id = "campaign-declared";
		return new PeerWindow(id, t.integer(id + ".heightened-days"), tagsSql("campaign-declared"),
				PeerCountRules::declaresCampaign, (r) -> "global",
				(byScope, hits) -> byScope.forEach((scope, rows) -> hits.add(id, scope, Severity.WARNING, ids(rows))));
	}

	/** A declaration of a campaign, which also lowers attack-surge's bar. */
	static boolean declaresCampaign(PeerRow r) {
		return r.hasTag("campaign-declared") && !r.iskpTarget();
	}

}
