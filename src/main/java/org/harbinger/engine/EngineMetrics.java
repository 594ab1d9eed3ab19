package org.harbinger.engine;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code harbinger_engine_step_seconds} (each step of the service's engine: a batch of
 * incidents, a move of the clock, a rebuild), {@code harbinger_rules_reloads_total} (rule
 * bases put in force, the first at start-up included),
 * {@code harbinger_rules_refusals_total} (edits refused while the running rules stayed)
 * and {@code harbinger_thresholds_changes_total} (threshold values put in force, from the
 * file or the administrators' API).
 */
@Component
class EngineMetrics {

	private final Timer step;

	private final Counter reloads;

	private final Counter refusals;

	private final Counter thresholdChanges;

	EngineMetrics(MeterRegistry registry) {
		this.step = Timer.builder("harbinger.engine.step")
			.description("Time the engine's thread spent on one step")
			.register(registry);
		this.reloads = Counter.builder("harbinger.rules.reloads")
			.description("Rule bases put in force")
			.register(registry);
		this.refusals = Counter.builder("harbinger.rules.refusals")
			.description("Rule or threshold edits refused, the running rules kept")
			.register(registry);
		this.thresholdChanges = Counter.builder("harbinger.thresholds.changes")
			.description("Threshold values put in force while the rules stayed")
			.register(registry);
	}

	void step(long nanos) {
		this.step.record(nanos, TimeUnit.NANOSECONDS);
	}

	@EventListener
	void on(RulesReloaded reloaded) {
		this.reloads.increment();
	}

	@EventListener
	void on(RulesRejected rejected) {
		this.refusals.increment();
	}

	@EventListener
	void on(ThresholdsChanged changed) {
		this.thresholdChanges.increment();
	}

}
