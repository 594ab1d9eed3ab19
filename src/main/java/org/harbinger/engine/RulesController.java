package org.harbinger.engine;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rule authors' view of hot reload: what is in force, what was refused and why; a
 * forced reload.
 */
@RestController
class RulesController {

	private final RulesInForce inForce;

	private final RuleChanges changes;

	RulesController(RulesInForce inForce, RuleChanges changes) {
		this.inForce = inForce;
		this.changes = changes;
	}

	@GetMapping("/api/rules/status")
	RulesStatus status() {
		return this.inForce.status();
	}

	/**
	 * 200 with the new status when the files are in force, 422 with the errors when they
	 * were refused.
	 */
	@PostMapping("/api/rules/reload")
	ResponseEntity<RulesStatus> reload() {
		RulesStatus status = this.changes.reload();
		return ResponseEntity.status((status.state() == RulesStatus.State.OK) ? 200 : 422).body(status);
	}

}
