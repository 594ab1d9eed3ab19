package org.harbinger.engine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sink of a warm standby's engine (docs/cluster.md): it keeps what the engine would
 * have told the alert store, and writes nothing, so that the elected engine alone writes
 * alerts.
 */
final class ShadowSink implements SignalSink {

	private final Map<AlertKey, Signal> open = new HashMap<>();

	@Override
	public synchronized Map<AlertKey, Signal> openSignals() {
		return Map.copyOf(this.open);
	}

	@Override
	public synchronized void apply(LocalDate today, List<SignalChange> changes) {
		for (SignalChange change : changes) {
			if (change.after() == null) {
				this.open.remove(change.key());
			}
			else {
				this.open.put(change.key(), change.after());
			}
		}
	}

}
