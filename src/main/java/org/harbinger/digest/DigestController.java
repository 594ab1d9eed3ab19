package org.harbinger.digest;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/subscriptions/{name}/digest}: run one digest now and send it. */
@RestController
class DigestController {

	private final Subscriptions subscriptions;

	private final Digests digests;

	private final OutboxDispatcher dispatcher;

	private final Outbox outbox;

	DigestController(Subscriptions subscriptions, Digests digests, OutboxDispatcher dispatcher, Outbox outbox) {
		this.subscriptions = subscriptions;
		this.digests = digests;
		this.dispatcher = dispatcher;
		this.outbox = outbox;
	}

	@PostMapping("/api/subscriptions/{name}/digest")
	ResponseEntity<?> run(@PathVariable String name) {
		if (this.subscriptions.find(name).isEmpty()) {
			return ResponseEntity.status(404).body(Map.of("error", "no subscription named '" + name + "'"));
		}
		return this.digests.run(name).<ResponseEntity<?>>map((id) -> {
			this.dispatcher.dispatchDue();
			OutboxMessage message = this.outbox.get(id);
			return ResponseEntity.ok(Map.of("outbox_id", id, "subject", message.subject(), "status", message.status()));
		}).orElse(ResponseEntity.ok(Map.of("status", "NOTHING_CHANGED")));
	}

}
