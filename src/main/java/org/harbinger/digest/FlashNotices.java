package org.harbinger.digest;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.harbinger.alert.AlertRepository;
import org.harbinger.alert.Silence;
import org.harbinger.alert.Silences;
import org.harbinger.alert.Transition;
import org.harbinger.alert.TransitionKind;
import org.harbinger.engine.Severity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flash notices: a subscription with {@code flash: true} gets an alert that opens or
 * escalates to CRITICAL at once, one small message per batch, rather than waiting for its
 * digest; the digest lists it again, marked as already sent. Silences mute flashes too.
 */
@Service
class FlashNotices {

	/**
	 * Flash notices read the transition log with a cursor of their own, beside the
	 * digest's.
	 */
	static final String FLASH_CURSOR = "flash:";

	private static final Set<TransitionKind> URGENT = EnumSet.of(TransitionKind.FIRED, TransitionKind.ESCALATED);

	private final AlertRepository alerts;

	private final Silences silences;

	private final DigestCursors cursors;

	private final NotificationLog log;

	private final DigestComposer composer;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	FlashNotices(AlertRepository alerts, Silences silences, DigestCursors cursors, NotificationLog log,
			DigestComposer composer, Outbox outbox, TransactionTemplate transactions) {
		this.cursors = cursors;
		this.alerts = alerts;
		this.silences = silences;
		this.log = log;
		this.composer = composer;
		this.outbox = outbox;
		this.transactions = transactions;
	}

	/**
	 * Queues the flash notices of these subscriptions that ask for them; returns how many
	 * were queued.
	 */
	int run(List<Subscription> subscriptions) {
		return (int) subscriptions.stream()
			.filter(Subscription::flash)
			.map(this::run)
			.filter(Optional::isPresent)
			.count();
	}

	/**
	 * Queues one notice with the subscription's new CRITICAL transitions since its last
	 * flash, in the transaction that moves its flash cursor and records what was sent.
	 */
	Optional<Long> run(Subscription subscription) {
		return this.transactions.execute((status) -> queue(subscription));
	}

	private Optional<Long> queue(Subscription subscription) {
		String name = subscription.name();
		long cursor = this.cursors.lock(FLASH_CURSOR + name);
		List<Transition> unread = this.alerts.transitionsAfter(cursor);
		if (unread.isEmpty()) {
			return Optional.empty();
		}
		List<Transition> critical = unread.stream()
			.filter((t) -> t.severity() == Severity.CRITICAL && URGENT.contains(t.kind()))
			.filter(subscription::wants)
			.toList();
		Map<Long, Silence> muting = this.silences.muting(critical, Instant.now());
		List<Transition> flash = critical.stream().filter((t) -> !muting.containsKey(t.id())).toList();
		this.cursors.advance(FLASH_CURSOR + name, unread.get(unread.size() - 1).id(), !flash.isEmpty());
		if (flash.isEmpty()) {
			return Optional.empty();
		}
		long id = this.outbox.enqueue(subscription, this.composer.flash(subscription, flash));
		this.log.flashed(name, flash.stream().map(Transition::id).toList(), id);
		return Optional.of(id);
	}

}
