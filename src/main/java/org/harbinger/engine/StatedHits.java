package org.harbinger.engine;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Hits stated from outside the rules, for indicators a replay does not run
 * ({@link HitHistory}): inserted plainly, so truth maintenance leaves them alone, and
 * retracted when the recorded run dropped them. Kept here so a rebuilt session gets them
 * back. Used on the engine's thread only.
 */
final class StatedHits {

	private final Map<IndicatorHit, FactHandle> held = new IdentityHashMap<>();

	/** Applies one step's changes of these indicators' hits to the session. */
	void apply(KieSession session, HitHistory.Change change, Set<String> indicators) {
		for (IndicatorHit hit : change.removed()) {
			FactHandle handle = this.held.remove(hit);
			if (handle != null) {
				session.delete(handle);
			}
		}
		for (IndicatorHit hit : change.added()) {
			if (indicators.contains(hit.getIndicator())) {
				this.held.put(hit, session.insert(hit));
			}
		}
	}

	/** Puts every stated hit into a new session. */
	void insertInto(KieSession session) {
		this.held.replaceAll((hit, old) -> session.insert(hit));
	}

}
