package org.harbinger.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.harbinger.engine.AlertKey;
import org.harbinger.engine.Signal;
import org.harbinger.engine.SignalChange;
import org.harbinger.engine.SignalSink;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Turns the engine's signal changes into stored alerts and transitions. */
@Component
class AlertBook implements SignalSink {

	private final AlertRepository alerts;

	AlertBook(AlertRepository alerts) {
		this.alerts = alerts;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<AlertKey, Signal> openSignals() {
		return this.alerts.open()
			.stream()
			.collect(Collectors.toMap((alert) -> new AlertKey(alert.indicator(), alert.scope()),
					(alert) -> new Signal(alert.severity(), alert.evidence(), alert.detail())));
	}

	@Override
	@Transactional
	public void apply(LocalDate today, List<SignalChange> changes) {
		for (SignalChange change : changes) {
			Alert existing = this.alerts.find(change.key()).orElse(null);
			TransitionKind kind = TransitionKind.of(change).orElse(null);
			if (change.after() == null) {
				if (existing != null) {
					this.alerts.update(existing.id(), Alert.Status.RESOLVED, change.before(), today);
					this.alerts.addTransition(existing.id(), kind, change.before().severity(), null, today,
							change.before());
				}
				continue;
			}
			long id;
			if (existing == null) {
				id = this.alerts.create(change.key(), change.after(), today);
			}
			else {
				id = existing.id();
				this.alerts.update(id, Alert.Status.OPEN, change.after(), today);
			}
			if (kind != null) {
				this.alerts.addTransition(id, kind, change.after().severity(),
						(change.before() != null) ? change.before().severity() : null, today, change.after());
			}
		}
	}

}
