package org.harbinger.digest;

import java.util.Map;
import java.util.Optional;

import org.harbinger.system.Problems;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/subscriptions/{name}/digest}: run one digest now and send it on the
 * request's thread.
 */
@RestController
class DigestController {

	private final Subscriptions subscriptions;

	private final Digests digests;

	private final OutboxDispatcher dispatcher;

	DigestController(Subscriptions subscriptions, Digests digests, OutboxDispatcher dispatcher) {
		this.subscriptions = subscriptions;
		this.digests = digests;
		this.dispatcher = dispatcher;
	}

	@PostMapping("/api/subscriptions/{name}/digest")
	ResponseEntity<?> run(@PathVariable String name) throws InterruptedException {
		if (this.subscriptions.find(name).isEmpty()) {
			throw Problems.notFound("no subscription named '" + name + "'");
		}
		Optional<Long> queued = this.digests.run(name);
		if (queued.isEmpty()) {
			return ResponseEntity.ok(Map.of("status", "NOTHING_CHANGED"));
		}
		OutboxMessage message = this.dispatcher.sendNow(queued.get());
		return ResponseEntity
			.ok(Map.of("outbox_id", message.id(), "subject", message.subject(), "status", message.status()));
	}

}
