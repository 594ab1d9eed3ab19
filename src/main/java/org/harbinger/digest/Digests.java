package org.harbinger.digest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertRepository;
import org.harbinger.alert.Silence;
import org.harbinger.alert.Silences;
import org.harbinger.alert.Transition;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a subscription's digest: the transitions since its last one, rendered into the
 * outbox.
 */
@Service
public class Digests {

	private final Subscriptions subscriptions;

	private final AlertRepository alerts;

	private final DigestCursors cursors;

	private final DigestComposer composer;

	private final Outbox outbox;

	private final Silences silences;

	private final NotificationLog log;

	Digests(Subscriptions subscriptions, AlertRepository alerts, DigestCursors cursors, DigestComposer composer,
			Outbox outbox, Silences silences, NotificationLog log) {
		this.subscriptions = subscriptions;
		this.alerts = alerts;
		this.cursors = cursors;
		this.composer = composer;
		this.outbox = outbox;
		this.silences = silences;
		this.log = log;
	}

	/**
	 * Renders and enqueues the digest in the same transaction that moves the cursor, so a
	 * crash can neither lose a digest nor queue it twice. Empty when nothing changed.
	 */
	@Transactional
	public Optional<Long> run(String name) {
		return run(subscription(name));
	}

	/**
	 * Transitions a silence mutes are left out and noted in a short section; with nothing
	 * else to say no digest goes out. Those already sent as a flash notice are marked so.
	 */
	@Transactional
	Optional<Long> run(Subscription subscription) {
		String name = subscription.name();
		long cursor = this.cursors.lock(name);
		List<Transition> unread = this.alerts.transitionsAfter(cursor);
		if (unread.isEmpty()) {
			return Optional.empty();
		}
		long last = unread.get(unread.size() - 1).id();
		List<Transition> wanted = unread.stream().filter(subscription::wants).toList();
		Map<Long, Silence> muting = this.silences.muting(wanted, Instant.now());
		muting.forEach((transition, silence) -> this.log.muted(name, transition, silence.id()));
		List<Transition> shown = wanted.stream().filter((t) -> !muting.containsKey(t.id())).toList();
		if (shown.isEmpty()) {
			this.cursors.advance(name, last, false);
			return Optional.empty();
		}
		List<Transition> muted = wanted.stream().filter((t) -> muting.containsKey(t.id())).toList();
		Map<Long, Instant> flashed = this.log.flashedAt(name, shown.stream().map(Transition::id).toList());
		long id = this.outbox.enqueue(subscription,
				this.composer.compose(subscription, new DigestComposer.Batch(shown, flashed, muted, muting)));
		this.cursors.advance(name, last, true);
		return Optional.of(id);
	}

	/**
	 * The subscription's next digest as a standalone HTML page (charts as data: URIs),
	 * without sending it or moving its cursor; when nothing is unread, the latest step of
	 * each open alert it wants. Empty when there is neither.
	 */
	@Transactional(readOnly = true)
	public Optional<String> preview(String name) {
		Subscription subscription = subscription(name);
		List<Transition> transitions = this.cursors.peek(name)
			.map((cursor) -> this.alerts.transitionsAfter(cursor).stream().filter(subscription::wants).toList())
			.orElse(List.of());
		if (transitions.isEmpty()) {
			transitions = this.alerts.find(new AlertRepository.Filter(Alert.Status.OPEN, null, null, null))
				.stream()
				.map((alert) -> this.alerts.transitions(alert.id()))
				.filter((history) -> !history.isEmpty())
				.map((history) -> history.get(history.size() - 1))
				.filter(subscription::wants)
				.toList();
		}
		return transitions.isEmpty() ? Optional.empty()
				: Optional.of(this.composer.standaloneHtml(subscription, transitions));
	}

	private Subscription subscription(String name) {
		return this.subscriptions.find(name)
			.orElseThrow(() -> new IllegalArgumentException("no subscription named '" + name + "'"));
	}

}
