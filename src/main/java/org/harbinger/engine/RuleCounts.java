package org.harbinger.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.harbinger.incident.Incident;
import org.kie.api.runtime.KieSession;

import org.springframework.modulith.NamedInterface;

/**
 * Which incidents each indicator's own rules count, per scope and day: what a chart of a
 * count or ratio rule must draw to explain a firing, including the days before it (the
 * baseline) whose incidents no alert cites. The live session cannot be asked (it runs on
 * its own thread, possibly on another node, and keeps only the retention window), so the
 * rules in force are run once more over the stored incidents of a period in a short-lived
 * session of their own, with the thresholds in force and Today at the period's end: the
 * {@link Counted} facts it derives are exactly the rules' condition ("what counts"), and
 * the {@link RatioFactor}s are those in force on that day. Window rules only: an
 * indicator that counts nothing gets nothing here.
 */
@NamedInterface("replay")
public final class RuleCounts {

	/**
	 * Incidents counted per day for one counter and scope; {@code factors}: the product
	 * of each indicator's ratio factors.
	 */
	public record Counts(Map<String, Map<LocalDate, Integer>> byCounterAndScope, Map<String, Double> factors) {

		/**
		 * Per event day, what {@code counter} counted in {@code scope}; empty when it
		 * counted nothing there.
		 */
		public Map<LocalDate, Integer> perDay(String counter, String scope) {
			return this.byCounterAndScope.getOrDefault(key(counter, scope), Map.of());
		}

		/**
		 * The product of the factors addressed to the indicator on the last day, 1.0 when
		 * none.
		 */
		public double factor(String indicator) {
			return this.factors.getOrDefault(indicator, 1.0);
		}

	}

	private RuleCounts() {
	}

	/**
	 * Runs {@code rules} with {@code thresholds} over {@code incidents} (those of the
	 * period, dated up to {@code today}), with the data's coverage from {@code firstDay}.
	 */
	public static Counts count(RuleBase rules, ThresholdSet thresholds, LocalDate today, LocalDate firstDay,
			List<Incident> incidents) {
		KieSession session = rules.kieBase().newKieSession();
		try {
			thresholds.values().forEach((key, value) -> session.insert(new Threshold(key, value)));
			session.insert(new Today(today));
			session.insert(new DataCoverage(firstDay.toEpochDay()));
			incidents.forEach((incident) -> session.insert(new IncidentFact(incident)));
			session.fireAllRules();
			Map<String, Set<Object>> seen = new HashMap<>();
			Map<String, Map<LocalDate, Integer>> counted = new HashMap<>();
			Map<String, List<RatioFactor>> factors = new HashMap<>();
			for (Object fact : session.getObjects()) {
				if (fact instanceof Counted c) {
					String key = key(c.getCounter(), c.getScope());
					// An incident counted twice under one counter and scope (two rules)
					// is one incident.
					if (seen.computeIfAbsent(key, (k) -> new HashSet<>()).add(c.getIncident().key())) {
						counted.computeIfAbsent(key, (k) -> new TreeMap<>())
							.merge(LocalDate.ofEpochDay(c.getDay()), 1, Integer::sum);
					}
				}
				else if (fact instanceof RatioFactor factor) {
					factors.computeIfAbsent(factor.getIndicator(), (k) -> new ArrayList<>()).add(factor);
				}
			}
			Map<String, Double> products = new HashMap<>();
			factors.forEach((indicator, list) -> products.put(indicator, RatioFactor.product(list)));
			return new Counts(Map.copyOf(counted), Map.copyOf(products));
		}
		finally {
			session.dispose();
		}
	}

	private static String key(String counter, String scope) {
		return counter + "\u0000" + scope;
	}

}
