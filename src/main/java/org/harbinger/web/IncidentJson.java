package org.harbinger.web;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.harbinger.engine.EngineHost;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentKey;
import org.harbinger.incident.IncidentRepository;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/incidents/{source}/{id}}: one incident as stored, with how the engine
 * judges it now. An incident dated after the event-time clock is stored and held, and
 * judged from its own day ({@code beyondClock}, {@code judgedFrom}); it is never dropped.
 */
@RestController
class IncidentJson {

	private final IncidentRepository incidents;

	private final EngineHost engine;

	IncidentJson(IncidentRepository incidents, EngineHost engine) {
		this.incidents = incidents;
		this.engine = engine;
	}

	/**
	 * An incident with the clock's judgement: {@code judgedFrom} is its date when that is
	 * after the clock, else null.
	 */
	record View(@JsonUnwrapped Incident incident, LocalDate clock, boolean beyondClock, LocalDate judgedFrom) {

		static View of(Incident incident, LocalDate clock) {
			boolean beyond = incident.eventDate().isAfter(clock);
			return new View(incident, clock, beyond, beyond ? incident.eventDate() : null);
		}

	}

	@GetMapping("/api/incidents/{source}/{id}")
	View incident(@PathVariable String source, @PathVariable String id) {
		return View.of(found(this.incidents, source, id), this.engine.currentDay());
	}

	/** The stored incident, or 404 naming it: for this API and the incident page. */
	static Incident found(IncidentRepository incidents, String source, String id) {
		return incidents.find(new IncidentKey(source, id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no incident " + source + "/" + id));
	}

}
