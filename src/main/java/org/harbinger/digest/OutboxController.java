package org.harbinger.digest;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.harbinger.system.ConfigAudit;
import org.harbinger.system.Problems;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/outbox}: what was sent to whom and when; and, for administrators, resend
 * one message, resend every undelivered one, or cancel one.
 */
@RestController
class OutboxController {

	private final Outbox outbox;

	private final OutboxAdmin admin;

	OutboxController(Outbox outbox, OutboxAdmin admin) {
		this.outbox = outbox;
		this.admin = admin;
	}

	/** What was sent to whom and when, newest first, with failures and their errors. */
	@GetMapping("/api/outbox")
	List<OutboxMessage> recent() {
		return this.outbox.recent(100);
	}

	@PostMapping("/api/outbox/{id}/resend")
	ResponseEntity<?> resend(@PathVariable long id, Principal principal) {
		return answer(id, this.admin.resend(id, ConfigAudit.who(principal)));
	}

	@PostMapping("/api/outbox/{id}/cancel")
	ResponseEntity<?> cancel(@PathVariable long id, Principal principal) {
		return answer(id, this.admin.cancel(id, ConfigAudit.who(principal)));
	}

	@PostMapping("/api/outbox/resend-undelivered")
	Map<String, Integer> resendUndelivered(Principal principal) {
		return Map.of("resent", this.admin.resendUndelivered(ConfigAudit.who(principal)));
	}

	private ResponseEntity<?> answer(long id, OutboxAdmin.Outcome outcome) {
		return switch (outcome) {
			case DONE -> ResponseEntity.ok(this.outbox.get(id));
			case NOT_FOUND -> throw Problems.notFound("no outbox message " + id);
			case REFUSED -> throw Problems.conflict(this.admin.refusal(id));
		};
	}

}
