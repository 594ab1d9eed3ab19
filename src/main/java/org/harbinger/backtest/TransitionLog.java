package org.harbinger.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.harbinger.alert.TransitionKind;
import org.harbinger.engine.AlertKey;
import org.harbinger.engine.Signal;
import org.harbinger.engine.SignalChange;
import org.harbinger.engine.SignalSink;

/**
 * The sink of a replay: keeps the open signals as the alert store would, and logs the
 * transitions made on or after {@code from} (before it, the engine is filling history).
 */
public final class TransitionLog implements SignalSink {

	private final LocalDate from;

	private final Map<AlertKey, Signal> open = new HashMap<>();

	private final List<BacktestTransition> transitions = new ArrayList<>();

	public TransitionLog(LocalDate from) {
		this.from = from;
	}

	@Override
	public Map<AlertKey, Signal> openSignals() {
		return Map.copyOf(this.open);
	}

	@Override
	public void apply(LocalDate today, List<SignalChange> changes) {
		for (SignalChange change : changes) {
			Signal shown = (change.after() != null) ? change.after() : change.before();
			Optional<TransitionKind> kind = TransitionKind.of(change);
			if (kind.isPresent() && !today.isBefore(this.from)) {
				this.transitions.add(new BacktestTransition(today, change.key().indicator(), change.key().scope(),
						shown.severity(), kind.get(), shown.evidence(), shown.detail(), shown.severityReason()));
			}
			if (change.after() == null) {
				this.open.remove(change.key());
			}
			else {
				this.open.put(change.key(), change.after());
			}
		}
	}

	public List<BacktestTransition> transitions() {
		return List.copyOf(this.transitions);
	}

}
