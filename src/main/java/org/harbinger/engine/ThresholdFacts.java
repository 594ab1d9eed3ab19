package org.harbinger.engine;

import java.util.HashMap;
import java.util.Map;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A session's {@link Threshold} facts, one per key: a changed value updates its fact in
 * place, so the rules re-evaluate only what reads it, and the session is not rebuilt.
 */
final class ThresholdFacts {

	private final Map<String, FactHandle> handles = new HashMap<>();

	/** Inserts every value into a new session. */
	void insertInto(KieSession session, ThresholdSet thresholds) {
		this.handles.clear();
		thresholds.values().forEach((key, value) -> this.handles.put(key, session.insert(new Threshold(key, value))));
	}

	/** Updates the values that exist, inserts the new ones. */
	void update(KieSession session, ThresholdSet thresholds) {
		thresholds.values().forEach((key, value) -> {
			FactHandle handle = this.handles.get(key);
			if (handle == null) {
				this.handles.put(key, session.insert(new Threshold(key, value)));
			}
			else {
				session.update(handle, new Threshold(key, value));
			}
		});
	}

}
