package org.harbinger.alert;

import java.time.LocalDate;
import java.util.ArrayList;
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

	private final AlertMetrics metrics;

	AlertBook(AlertRepository alerts, AlertMetrics metrics) {
		this.alerts = alerts;
		this.metrics = metrics;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<AlertKey, Signal> openSignals() {
		return this.alerts.open()
			.stream()
			.collect(Collectors.toMap((alert) -> new AlertKey(alert.indicator(), alert.scope()),
					(alert) -> new Signal(alert.severity(), alert.evidence(), alert.detail(), alert.severityEvidence(),
							alert.severityReason())));
	}

	/**
	 * Each change is written only over the alert's state the engine compared with: if
	 * another engine wrote it first (two leaders overlapping in a failover), the version
	 * has moved and the change is skipped, so a transition is never written twice.
	 */
	@Override
	@Transactional
	public void apply(LocalDate today, List<SignalChange> changes) {
		List<TransitionKind> written = new ArrayList<>();
		for (SignalChange change : changes) {
			Alert existing = this.alerts.find(change.key()).orElse(null);
			TransitionKind kind = TransitionKind.of(change).orElse(null);
			if (change.after() == null) {
				if (existing != null && existing.status() == Alert.Status.OPEN) {
					long version = this.alerts.version(existing.id());
					if (this.alerts.update(existing.id(), version, Alert.Status.RESOLVED, change.before(), today)) {
						this.alerts.addTransition(existing.id(), version + 1, kind, change.before().severity(), null,
								today, change.before());
						if (kind != null) {
							written.add(kind);
						}
					}
				}
				continue;
			}
			long id;
			long version;
			if (existing == null) {
				id = this.alerts.create(change.key(), change.after(), today);
				version = 0;
			}
			else if (existing.status() == Alert.Status.OPEN && change.before() == null) {
				// Opened by another engine already: this FIRED is its repeat.
				continue;
			}
			else {
				id = existing.id();
				long read = this.alerts.version(id);
				if (!this.alerts.update(id, read, Alert.Status.OPEN, change.after(), today)) {
					continue;
				}
				version = read + 1;
			}
			if (kind != null) {
				this.alerts.addTransition(id, version, kind, change.after().severity(),
						(change.before() != null) ? change.before().severity() : null, today, change.after());
				written.add(kind);
			}
		}
		this.metrics.written(written);
	}

}
