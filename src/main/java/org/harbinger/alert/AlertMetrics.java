package org.harbinger.alert;

import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code harbinger_alert_transitions_total{kind}} and
 * {@code harbinger_alerts_open{indicator, severity}}. Both move only after the engine's
 * changes commit: a rolled-back step counts nothing. The open alerts are read from the
 * alert table at start-up and after every step that wrote a transition (the only writes
 * that open or close an alert), so a scrape costs no query.
 */
@Component
class AlertMetrics {

	private final MeterRegistry registry;

	private final AlertRepository alerts;

	private final MultiGauge open;

	AlertMetrics(MeterRegistry registry, AlertRepository alerts) {
		this.registry = registry;
		this.alerts = alerts;
		this.open = MultiGauge.builder("harbinger.alerts.open")
			.description("Open alerts per indicator and severity")
			.register(registry);
	}

	/**
	 * The transitions a step wrote, counted (and the open alerts read again) once its
	 * transaction commits.
	 */
	void written(List<TransitionKind> kinds) {
		if (kinds.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			count(kinds);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				count(kinds);
			}
		});
	}

	private void count(List<TransitionKind> kinds) {
		kinds.forEach((kind) -> this.registry.counter("harbinger.alert.transitions", "kind", kind.name()).increment());
		refresh();
	}

	@EventListener(ApplicationReadyEvent.class)
	void refresh() {
		// overwrite: a pair whose last alert closed leaves the scrape instead of staying
		// at its old count
		this.open
			.register(this.alerts.openCounts()
				.stream()
				.map((row) -> MultiGauge.Row.of(Tags.of("indicator", row.indicator(), "severity",
						row.severity().name().toLowerCase(Locale.ROOT)), row.count()))
				.toList(), true);
	}

}
