package org.harbinger.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.harbinger.engine.Severity;

/**
 * {@code threat-level} as the peer evaluates it: from its own record of the alerts open
 * on each day (as an ElastAlert rule would read its writeback index), the distinct other
 * indicators with an alert open for a country on any day of the window. Role-target
 * indicators (crackdown-surge) do not count, as in rules/threat-level.drl.
 */
final class PeerThreatLevel {

	static final String ID = "threat-level";

	private static final Set<String> LEFT_OUT = Set.of(ID, "crackdown-surge");

	private final int window;

	private final int elevated;

	private final int severe;

	/** The last day each indicator had an alert open, per country. */
	private final Map<String, Map<String, Long>> lastSeen = new TreeMap<>();

	PeerThreatLevel(PeerThresholds t) {
		this.window = t.integer(ID + ".window-days");
		this.elevated = t.integer(ID + ".elevated");
		this.severe = t.integer(ID + ".severe");
	}

	/** An alert of the indicator is open for the scope today. */
	void seen(long today, String indicator, String scope) {
		if (LEFT_OUT.contains(indicator) || scope.equals("global") || scope.contains("=")) {
			return;
		}
		int slash = scope.indexOf('/');
		String country = (slash < 0) ? scope : scope.substring(0, slash);
		this.lastSeen.computeIfAbsent(country, (key) -> new HashMap<>()).put(indicator, today);
	}

	/** Today's level per country, once every other indicator was seen. */
	void judge(long today, PeerHits hits) {
		this.lastSeen.forEach((country, indicators) -> {
			indicators.values().removeIf((day) -> day <= today - this.window);
			if (indicators.size() >= this.elevated) {
				hits.add(ID, country, (indicators.size() >= this.severe) ? Severity.CRITICAL : Severity.WARNING,
						List.of());
			}
		});
	}

}
