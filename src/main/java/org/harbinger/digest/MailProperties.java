package org.harbinger.digest;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing mail. With no {@code spring.mail.host}, messages are written as .eml files to
 * {@code eml-dir} instead of being sent. The sender looks at the outbox every
 * {@code dispatch-interval} on its own thread (never on a Quartz worker); each SMTP
 * connect, read and write gives up after its timeout, so a relay that never answers costs
 * one attempt, not a thread. A failed message is retried after 1, 2, 4 ... minutes, at
 * most {@code max-backoff} apart, until it is delivered or an administrator cancels it.
 * Health turns DEGRADED while a message has waited longer than
 * {@code max-undelivered-age}. Flash notices and silence-expiry notices are looked for
 * every {@code notice-interval}. {@code sender-enabled: false} (the command line) leaves
 * the outbox to the service.
 */
@ConfigurationProperties("harbinger.mail")
record MailProperties(@DefaultValue("harbinger@localhost") String from, @DefaultValue("var/mail") Path emlDir,
		@DefaultValue("15s") Duration dispatchInterval, @DefaultValue("30s") Duration noticeInterval,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
		@DefaultValue("30s") Duration writeTimeout, @DefaultValue("1h") Duration maxBackoff,
		@DefaultValue("30m") Duration maxUndeliveredAge, @DefaultValue("true") boolean senderEnabled) {

	MailProperties {
		positive("dispatch-interval", dispatchInterval);
		positive("connect-timeout", connectTimeout);
		positive("read-timeout", readTimeout);
		positive("write-timeout", writeTimeout);
		positive("max-backoff", maxBackoff);
		positive("max-undelivered-age", maxUndeliveredAge);
	}

	/**
	 * How long one SMTP attempt can take at most: a connect, then a few reads and writes.
	 */
	Duration longestAttempt() {
		return this.connectTimeout.plus(this.readTimeout.multipliedBy(2)).plus(this.writeTimeout.multipliedBy(2));
	}

	private static void positive(String key, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("harbinger.mail." + key + " must be positive, was " + value);
		}
	}

}
