package org.harbinger.threshold;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.harbinger.system.ConfigAudit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /api/thresholds}: the values in force and live changes with a reason;
 * {@code GET /api/thresholds/audit}; {@code POST /api/thresholds/preview}: what proposed
 * values would have opened or closed over the last N days.
 */
@RestController
class ThresholdController {

	private final ThresholdChanges changes;

	private final ThresholdPreview preview;

	private final ConfigAudit audit;

	ThresholdController(ThresholdChanges changes, ThresholdPreview preview, ConfigAudit audit) {
		this.changes = changes;
		this.preview = preview;
		this.audit = audit;
	}

	/**
	 * A change: {@code values} maps {@code indicator.name} to the new value; only the
	 * keys to change.
	 */
	record Edit(String reason, Map<String, Object> values, String version) {
	}

	record PreviewRequest(Map<String, Object> values, Integer days) {
	}

	record Changed(Long auditId, List<ConfigAudit.Change> changed, ThresholdsView thresholds) {
	}

	@GetMapping("/api/thresholds")
	ThresholdsView current() {
		return ThresholdsView.of(this.changes);
	}

	@PutMapping("/api/thresholds")
	Changed change(@RequestBody Edit edit, Principal principal) {
		ThresholdChanges.Applied applied = this.changes.change(edit.values(), edit.reason(), ConfigAudit.who(principal),
				edit.version());
		return new Changed(applied.auditId(), applied.changes(), ThresholdsView.of(this.changes));
	}

	@GetMapping("/api/thresholds/audit")
	List<ConfigAudit.Entry> audit(@RequestParam(required = false) String key,
			@RequestParam(required = false) String who, @RequestParam(defaultValue = "100") int limit) {
		return this.audit.list(new ConfigAudit.Filter(ThresholdChanges.AUDIT_FILE, who, key, limit));
	}

	@PostMapping("/api/thresholds/preview")
	ThresholdPreview.Result preview(@RequestBody PreviewRequest request) {
		return this.preview.preview(request.values(), (request.days() != null) ? request.days() : 90);
	}

}
