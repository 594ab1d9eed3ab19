package org.harbinger.digest;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Sends what is due in the outbox, retrying failures with exponential back-off up to a limit. */
@Component
class OutboxDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(OutboxDispatcher.class);

	private static final Duration MAX_BACKOFF = Duration.ofHours(1);

	private final Outbox outbox;

	private final Mailer mailer;

	private final MailProperties properties;

	OutboxDispatcher(Outbox outbox, Mailer mailer, MailProperties properties) {
		this.outbox = outbox;
		this.mailer = mailer;
		this.properties = properties;
	}

	/** Sends every due message this instance can claim; returns how many went out. */
	int dispatchDue() {
		int sent = 0;
		for (long id : this.outbox.due()) {
			if (this.outbox.claim(id) && send(this.outbox.get(id))) {
				sent++;
			}
		}
		return sent;
	}

	/** 1, 2, 4 ... minutes, at most an hour. */
	static Duration backoff(int attempt) {
		Duration backoff = Duration.ofMinutes(1L << Math.min(attempt - 1, 10));
		return (backoff.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : backoff;
	}

	private boolean send(OutboxMessage message) {
		try {
			String deliveredTo = this.mailer.deliver(message, this.outbox.images(message.id()));
			this.outbox.sent(message.id(), deliveredTo);
			logger.info("Digest {} for '{}' delivered to {}", message.id(), message.subscription(), deliveredTo);
			return true;
		}
		catch (Exception ex) {
			int attempt = message.attempts() + 1;
			Duration retry = (attempt >= this.properties.maxAttempts()) ? null : backoff(attempt);
			this.outbox.failed(message.id(), ex.getMessage(), retry);
			logger.warn("Digest {} for '{}' failed (attempt {}): {}{}", message.id(), message.subscription(), attempt,
					ex.getMessage(), (retry != null) ? "; retrying in " + retry : "; giving up");
			return false;
		}
	}

}
