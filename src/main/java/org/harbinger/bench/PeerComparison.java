package org.harbinger.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.harbinger.backtest.BacktestTransition;

/**
 * Whether two replays made the same transitions, for the indicators both evaluate: the
 * same day, indicator, scope, severity, step and evidence, as many times each. What one
 * made and the other did not is listed, one line each.
 */
public final class PeerComparison {

	private PeerComparison() {
	}

	/**
	 * The transitions of the {@code indicators} that only one side made, each prefixed
	 * "engine only: " or "peer only: ", in date order (then indicator, scope, step);
	 * empty when they agree.
	 */
	public static List<String> differences(Collection<BacktestTransition> engine, Collection<BacktestTransition> peer,
			Set<String> indicators) {
		Map<String, Integer> balance = new TreeMap<>();
		engine.stream()
			.filter((t) -> indicators.contains(t.indicator()))
			.forEach((t) -> balance.merge(line(t), 1, Integer::sum));
		peer.stream()
			.filter((t) -> indicators.contains(t.indicator()))
			.forEach((t) -> balance.merge(line(t), -1, Integer::sum));
		List<String> differences = new ArrayList<>();
		balance.forEach((line, count) -> {
			for (int i = 0; i < Math.abs(count); i++) {
				differences.add(((count > 0) ? "engine only: " : "peer only: ") + line);
			}
		});
		return differences;
	}

	/** The transitions each indicator made. */
	public static Map<String, Integer> countByIndicator(Collection<BacktestTransition> transitions) {
		Map<String, Integer> counts = new HashMap<>();
		transitions.forEach((t) -> counts.merge(t.indicator(), 1, Integer::sum));
		return counts;
	}

	private static String line(BacktestTransition t) {
		return t.date() + " " + t.indicator() + " " + t.scope() + " " + t.transition() + " " + t.severity() + " "
				+ t.evidence().stream().sorted().toList();
	}

}
