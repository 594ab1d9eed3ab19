package org.harbinger.bench;

import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.harbinger.engine.Severity;

/**
 * What holds on one day, per alert key: the highest severity of its findings and the
 * union of their evidence, as the engine folds its hits into a signal.
 */
final class PeerHits {

	/** One alert key's folded findings. */
	record Signal(Severity severity, SortedSet<String> evidence) {
	}

	private final Map<String, Map<String, Signal>> byIndicator = new TreeMap<>();

	void add(String indicator, String scope, Severity severity, Collection<String> evidence) {
		Map<String, Signal> scopes = this.byIndicator.computeIfAbsent(indicator, (key) -> new TreeMap<>());
		Signal before = scopes.get(scope);
		SortedSet<String> ids = new TreeSet<>(evidence);
		if (before == null) {
			scopes.put(scope, new Signal(severity, ids));
			return;
		}
		ids.addAll(before.evidence());
		scopes.put(scope, new Signal((severity.compareTo(before.severity()) > 0) ? severity : before.severity(), ids));
	}

	/** The indicator's signals by scope; empty when nothing holds. */
	Map<String, Signal> of(String indicator) {
		return this.byIndicator.getOrDefault(indicator, Map.of());
	}

}
