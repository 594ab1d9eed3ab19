package org.harbinger.system.security;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/security/events} (ADMIN): sign-in locks and sign-ins after failures,
 * newest first.
 */
@RestController
class SecurityEventController {

	private final SecurityEvents events;

	SecurityEventController(SecurityEvents events) {
		this.events = events;
	}

	@GetMapping("/api/security/events")
	Map<String, List<SecurityEvents.Event>> recent(@RequestParam(defaultValue = "100") int limit) {
		return Map.of("events", this.events.recent(limit));
	}

}
