package org.harbinger.incident;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/actors/unknown}: actor names no alias matched, most frequent first, to
 * add to config/actors.yml.
 */
@RestController
class UnknownActorController {

	private final UnknownActors unknownActors;

	UnknownActorController(UnknownActors unknownActors) {
		this.unknownActors = unknownActors;
	}

	@GetMapping("/api/actors/unknown")
	List<UnknownActors.UnknownActor> unknown() {
		return this.unknownActors.list();
	}

}
