package org.harbinger.digest;

import java.time.Instant;
import java.util.List;

/**
 * A digest waiting in, or sent from, the outbox; with the administrator's last resend or
 * cancel (who and when) where there was one.
 */
record OutboxMessage(long id, String subscription, String messageId, List<String> recipients, String subject,
		String text, String html, String status, int attempts, Instant createdAt, Instant nextAttemptAt,
		Instant sentAt, String lastError, String deliveredTo, String adminAction, String adminActionBy,
		Instant adminActionAt) {
}
