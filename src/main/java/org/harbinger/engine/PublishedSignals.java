package org.harbinger.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the alerts were last told, per key: each step compares the session's signals with
 * it and tells the alerts only what differs.
 */
final class PublishedSignals {

	private final Map<AlertKey, Signal> signals = new HashMap<>();

	/** Starts over from what a sink holds open; those keys, to be compared again. */
	Set<AlertKey> resetTo(Map<AlertKey, Signal> open) {
		this.signals.clear();
		this.signals.putAll(open);
		return this.signals.keySet();
	}

	/**
	 * The changes between what was told and what the session finds now for
	 * {@code touched} keys. A signal that ends with an incident of {@code withdrawn}
	 * among its evidence (amended or deleted this step) is a retraction, not a
	 * resolution.
	 */
	List<SignalChange> changes(Collection<AlertKey> touched, Function<AlertKey, Signal> now, Set<String> withdrawn) {
		List<SignalChange> changes = new ArrayList<>();
		for (AlertKey key : touched) {
			Signal before = this.signals.get(key);
			Signal after = now.apply(key);
			if (before == null ? after != null : !before.equals(after)) {
				changes.add(new SignalChange(key, before, after,
						after == null && !Collections.disjoint(before.evidence(), withdrawn)));
			}
		}
		return changes;
	}

	/** Remembers changes once they were told. */
	void told(List<SignalChange> changes) {
		changes.forEach((change) -> {
			if (change.after() == null) {
				this.signals.remove(change.key());
			}
			else {
				this.signals.put(change.key(), change.after());
			}
		});
	}

}
