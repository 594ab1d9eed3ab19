package org.harbinger.digest;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harbinger.system.ConfigAudit;
import org.harbinger.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/subscriptions}: list, add, replace and delete subscriptions live, each with
 * a reason and audited; {@code POST /api/subscriptions/reload} puts a file edited by hand
 * in force. Bodies carry the file's fields (snake_case or kebab-case) and {@code reason}.
 */
@RestController
class SubscriptionController {

	private final SubscriptionChanges changes;

	private final DigestSchedules schedules;

	private final ConfigAudit audit;

	SubscriptionController(SubscriptionChanges changes, DigestSchedules schedules, ConfigAudit audit) {
		this.changes = changes;
		this.schedules = schedules;
		this.audit = audit;
	}

	/** Each subscription's fields as written, with when its next digest is due. */
	@GetMapping("/api/subscriptions")
	List<Map<String, Object>> list() {
		return this.changes.written().stream().map(this::view).toList();
	}

	@PostMapping("/api/subscriptions")
	ResponseEntity<SubscriptionChanges.Applied> add(@RequestBody Map<String, Object> body, Principal principal) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.changes.add(body, reason(body), ConfigAudit.who(principal)));
	}

	@PutMapping("/api/subscriptions/{name}")
	SubscriptionChanges.Applied replace(@PathVariable String name, @RequestBody Map<String, Object> body,
			Principal principal) {
		return this.changes.replace(name, body, reason(body), ConfigAudit.who(principal));
	}

	@DeleteMapping("/api/subscriptions/{name}")
	SubscriptionChanges.Applied remove(@PathVariable String name, @RequestParam(required = false) String reason,
			Principal principal) {
		return this.changes.remove(name, reason, ConfigAudit.who(principal));
	}

	@PostMapping("/api/subscriptions/reload")
	SubscriptionChanges.Applied reload(@RequestParam(required = false) String reason, Principal principal) {
		return this.changes.reload(reason, ConfigAudit.who(principal));
	}

	@GetMapping("/api/subscriptions/audit")
	List<ConfigAudit.Entry> audit(@RequestParam(required = false) String subscription,
			@RequestParam(required = false) String who, @RequestParam(defaultValue = "100") int limit) {
		return this.audit.list(new ConfigAudit.Filter(SubscriptionChanges.AUDIT_FILE, who,
				(subscription != null) ? subscription + "." : null, limit));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknown(SubscriptionChanges.UnknownSubscription unknown) {
		return Problems.answer(Problems.of(HttpStatus.NOT_FOUND, unknown.getMessage()));
	}

	private Map<String, Object> view(Map<String, Object> written) {
		Map<String, Object> view = new LinkedHashMap<>();
		Delivery.hideSecrets(written).forEach((field, value) -> view.put(field.replace('-', '_'), value));
		this.schedules.nextDigest(String.valueOf(written.get("name")))
			.ifPresent((next) -> view.put("next_digest", next.toInstant()));
		return view;
	}

	private static String reason(Map<String, Object> body) {
		return (body.get("reason") instanceof String reason) ? reason : null;
	}

}
