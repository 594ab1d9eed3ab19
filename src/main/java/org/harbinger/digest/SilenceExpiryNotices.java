package org.harbinger.digest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertRepository;
import org.harbinger.alert.Silence;
import org.harbinger.alert.Silences;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a silence ends, naturally or early, a notice goes to every subscription it
 * concerns (whose filters overlap its matchers, or whose digest it muted), listing the
 * alerts still open under it: what the analysts did not hear about meanwhile. Once per
 * silence.
 */
@Service
class SilenceExpiryNotices {

	private final Silences silences;

	private final AlertRepository alerts;

	private final NotificationLog log;

	private final DigestComposer composer;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	SilenceExpiryNotices(Silences silences, AlertRepository alerts, NotificationLog log, DigestComposer composer,
			Outbox outbox, TransactionTemplate transactions) {
		this.silences = silences;
		this.alerts = alerts;
		this.log = log;
		this.composer = composer;
		this.outbox = outbox;
		this.transactions = transactions;
	}

	/**
	 * Queues the notices of the silences expired by now; returns how many messages were
	 * queued.
	 */
	int run(List<Subscription> subscriptions, Instant now) {
		int queued = 0;
		for (long id : this.log.expiredWithoutNotice(now)) {
			queued += this.transactions.execute((status) -> notice(id, subscriptions));
		}
		return queued;
	}

	private int notice(long id, List<Subscription> subscriptions) {
		Optional<Silence> found = this.silences.find(id);
		if (found.isEmpty()) {
			return 0;
		}
		Silence silence = found.get();
		Set<String> muted = this.log.mutedFor(id);
		List<Subscription> concerned = silence.everActive() ? subscriptions.stream()
			.filter((subscription) -> muted.contains(subscription.name()) || overlaps(subscription, silence))
			.toList() : List.of();
		if (!this.log.claimExpiryNotice(id, concerned.stream().map(Subscription::name).toList())) {
			return 0;
		}
		List<Alert> open = this.alerts.find(new AlertRepository.Filter(Alert.Status.OPEN, null, null, null))
			.stream()
			.filter((alert) -> silence.matches(alert.indicator(), alert.scope()))
			.toList();
		for (Subscription subscription : concerned) {
			List<Alert> theirs = open.stream()
				.filter((alert) -> subscription.wants(alert.indicator(), alert.scope(), alert.severity()))
				.toList();
			this.outbox.enqueue(subscription, this.composer.silenceExpired(subscription, silence, theirs));
		}
		return concerned.size();
	}

	/**
	 * Whether the subscription's filters and the silence's matchers can both match one
	 * alert.
	 */
	static boolean overlaps(Subscription subscription, Silence silence) {
		return (subscription.indicators().isEmpty()
				|| subscription.indicators().stream().anyMatch(silence::matchesIndicator))
				&& (subscription.scopes().isEmpty() || subscription.scopes().stream().anyMatch(silence::overlapsScope));
	}

}
