package org.harbinger.backtest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.harbinger.incident.Incident;

/**
 * One scenario of a rule's test file: incidents, the period to replay, threshold
 * overrides, and the transitions the indicator must make, no more and no fewer.
 */
record Scenario(String file, String indicator, String name, Set<String> covers, LocalDate from, LocalDate to,
		Map<String, Object> thresholds, List<Incident> incidents, List<Expected> expected) {

	/** An expected transition; evidence is compared only when given. */
	record Expected(LocalDate date, String scope, String severity, String transition, List<String> evidence) {

		String line(boolean withEvidence) {
			return this.date + " " + this.scope + " " + this.severity + " " + this.transition
					+ ((withEvidence && this.evidence != null) ? " " + this.evidence : "");
		}

	}

}
