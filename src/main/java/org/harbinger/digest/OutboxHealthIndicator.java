package org.harbinger.digest;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code outbox} in /actuator/health: how many messages are not delivered yet and how
 * long the oldest has waited. DEGRADED (HTTP 503, see application.yml) while that wait
 * exceeds {@code harbinger.mail.max-undelivered-age}: the service runs, but its mail is
 * not arriving, which an SMTP outage alone must not hide for hours.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "mail is not being delivered");

	private final Outbox outbox;

	private final Duration limit;

	OutboxHealthIndicator(Outbox outbox, MailProperties properties) {
		this.outbox = outbox;
		this.limit = properties.maxUndeliveredAge();
	}

	@Override
	public Health health() {
		Outbox.Backlog backlog = this.outbox.backlog();
		Duration age = (backlog.oldest() != null) ? Duration.between(backlog.oldest(), Instant.now()) : Duration.ZERO;
		Health.Builder health = (age.compareTo(this.limit) > 0) ? Health.status(DEGRADED) : Health.up();
		return health.withDetail("undelivered", backlog.count())
			.withDetail("oldest_undelivered_seconds", Math.max(0, age.toSeconds()))
			.withDetail("max_undelivered_age_seconds", this.limit.toSeconds())
			.build();
	}

}
