package org.harbinger.digest;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends what is due in the outbox. A failure keeps its error and is retried with
 * exponential back-off, capped at {@code harbinger.mail.max-backoff}, until it is
 * delivered or an administrator cancels it: an outage of any length delays mail but drops
 * none.
 */
@Component
class OutboxDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(OutboxDispatcher.class);

	private final Outbox outbox;

	private final Mailer mailer;

	private final WebhookSender webhooks;

	private final SenderInstances senders;

	private final Duration maxBackoff;

	private final Duration longestAttempt;

	OutboxDispatcher(Outbox outbox, Mailer mailer, WebhookSender webhooks, SenderInstances senders,
			MailProperties properties) {
		this.outbox = outbox;
		this.mailer = mailer;
		this.webhooks = webhooks;
		this.senders = senders;
		this.maxBackoff = properties.maxBackoff();
		this.longestAttempt = properties.longestAttempt();
	}

	/** Sends every due message this instance can claim; returns how many went out. */
	int dispatchDue() {
		return dispatchDue(() -> true);
	}

	/**
	 * As {@link #dispatchDue()}, stopping between messages once {@code goOn} says so (a
	 * shutdown).
	 */
	int dispatchDue(BooleanSupplier goOn) {
		int sent = 0;
		for (long id : this.outbox.due()) {
			if (!goOn.getAsBoolean()) {
				break;
			}
			// Before each message, so that a long run of sends never looks like a dead
			// sender.
			this.senders.seen();
			if (this.outbox.claim(id, this.senders.self()) && send(this.outbox.get(id))) {
				sent++;
			}
		}
		return sent;
	}

	/**
	 * Sends one message now, on the caller's thread, and answers it as it then is. When
	 * the sender thread has claimed it first, waits for that attempt to end (at most one
	 * attempt's worst case), so that the caller still learns whether it went out.
	 */
	OutboxMessage sendNow(long id) throws InterruptedException {
		this.senders.seen();
		if (this.outbox.claim(id, this.senders.self())) {
			send(this.outbox.get(id));
		}
		long deadline = System.nanoTime() + this.longestAttempt.toNanos();
		while ("SENDING".equals(this.outbox.status(id)) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		return this.outbox.get(id);
	}

	/** 1, 2, 4 ... minutes, at most {@code max}. */
	static Duration backoff(int attempt, Duration max) {
		Duration backoff = Duration.ofMinutes(1L << Math.min(Math.max(attempt, 1) - 1, 20));
		return (backoff.compareTo(max) > 0) ? max : backoff;
	}

	private boolean send(OutboxMessage message) {
		try {
			String deliveredTo = (message.channel() == Delivery.Channel.EMAIL)
					? this.mailer.deliver(message, this.outbox.images(message.id())) : this.webhooks.deliver(message);
			this.outbox.sent(message.id(), this.senders.self(), deliveredTo);
			logger.info("Digest {} for '{}' delivered to {}", message.id(), message.subscription(), deliveredTo);
			return true;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			int attempt = message.attempts() + 1;
			Duration retry = backoff(attempt, this.maxBackoff);
			String error = describe(ex);
			this.outbox.failed(message.id(), this.senders.self(), error, retry);
			logger.warn("Digest {} for '{}' failed (attempt {}): {}; retrying in {}", message.id(),
					message.subscription(), attempt, error, retry);
			return false;
		}
	}

	/**
	 * The message with the causes it does not already tell: Spring's "Mail server
	 * connection failed" alone would hide the timeout underneath.
	 */
	private static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder(String.valueOf(ex.getMessage()));
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			String part = cause.getClass().getSimpleName() + ": " + cause.getMessage();
			if (cause.getMessage() == null || !text.toString().contains(cause.getMessage())) {
				text.append("; ").append(part);
			}
		}
		return text.toString();
	}

}
