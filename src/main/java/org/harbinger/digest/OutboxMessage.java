package org.harbinger.digest;

import java.time.Instant;
import java.util.List;

/**
 * A digest waiting in, or sent from, the outbox; with the administrator's last resend or
 * cancel (who and when) where there was one. Not by email: {@code json} is the body
 * posted to the subscription's url ({@code recipients} then names the channel, never its
 * secret).
 */
record OutboxMessage(long id, String subscription, String messageId, List<String> recipients, String subject,
		String text, String html, String status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt,
		String lastError, String deliveredTo, String adminAction, String adminActionBy, Instant adminActionAt,
		Delivery.Channel channel, String json) {
}
