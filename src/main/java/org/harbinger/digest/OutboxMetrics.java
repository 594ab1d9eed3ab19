package org.harbinger.digest;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code harbinger_outbox_backlog} (messages not delivered yet) and
 * {@code harbinger_outbox_oldest_age_seconds} (how long the oldest has waited; 0 when
 * none), read from the outbox table at each scrape, as the health indicator reads them:
 * the table is shared by every node, so any node answers for all.
 */
@Component
class OutboxMetrics {

	OutboxMetrics(MeterRegistry registry, Outbox outbox) {
		Gauge.builder("harbinger.outbox.backlog", outbox, (box) -> box.backlog().count())
			.description("Messages in the outbox not delivered yet")
			.register(registry);
		Gauge.builder("harbinger.outbox.oldest.age", outbox, OutboxMetrics::oldestAgeSeconds)
			.description("How long the oldest undelivered message has waited")
			.baseUnit("seconds")
			.register(registry);
	}

	private static double oldestAgeSeconds(Outbox outbox) {
		Instant oldest = outbox.backlog().oldest();
		return (oldest != null) ? Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0) : 0;
	}

}
