package org.harbinger.digest;

import java.util.List;
import java.util.Optional;

import org.harbinger.alert.AlertRepository;
import org.harbinger.alert.Transition;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Runs a subscription's digest: the transitions since its last one, rendered into the outbox. */
@Service
class Digests {

	private final Subscriptions subscriptions;

	private final AlertRepository alerts;

	private final DigestCursors cursors;

	private final DigestComposer composer;

	private final Outbox outbox;

	Digests(Subscriptions subscriptions, AlertRepository alerts, DigestCursors cursors, DigestComposer composer,
			Outbox outbox) {
		this.subscriptions = subscriptions;
		this.alerts = alerts;
		this.cursors = cursors;
		this.composer = composer;
		this.outbox = outbox;
	}

	/**
	 * Renders and enqueues the digest in the same transaction that moves the cursor, so a
	 * crash can neither lose a digest nor queue it twice. Empty when nothing changed.
	 */
	@Transactional
	public Optional<Long> run(String name) {
		Subscription subscription = this.subscriptions.find(name)
			.orElseThrow(() -> new IllegalArgumentException("no subscription named '" + name + "'"));
		long cursor = this.cursors.lock(name);
		List<Transition> unread = this.alerts.transitionsAfter(cursor);
		if (unread.isEmpty()) {
			return Optional.empty();
		}
		long last = unread.get(unread.size() - 1).id();
		List<Transition> wanted = unread.stream().filter(subscription::wants).toList();
		if (wanted.isEmpty()) {
			this.cursors.advance(name, last, false);
			return Optional.empty();
		}
		long id = this.outbox.enqueue(name, subscription.recipients(), this.composer.compose(subscription, wanted));
		this.cursors.advance(name, last, true);
		return Optional.of(id);
	}

}
