package org.harbinger.alert;

import java.util.List;

import org.harbinger.engine.Severity;
import org.harbinger.system.Problems;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/alerts} with filters, and one alert with its history. */
@RestController
class AlertController {

	private final AlertRepository alerts;

	private final AlertNotes notes;

	AlertController(AlertRepository alerts, AlertNotes notes) {
		this.alerts = alerts;
		this.notes = notes;
	}

	@GetMapping("/api/alerts")
	List<Alert> list(@RequestParam(required = false) Alert.Status status,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) String scope,
			@RequestParam(required = false) Severity severity) {
		return this.alerts.find(new AlertRepository.Filter(status, indicator, scope, severity));
	}

	/**
	 * An alert with its transitions (each carries the evidence at that moment), and what
	 * analysts said about it: acknowledgements and comments, oldest first.
	 */
	record AlertHistory(Alert alert, List<Transition> transitions, List<AlertNote> acknowledgements,
			List<AlertNote> comments) {
	}

	@GetMapping("/api/alerts/{id}")
	ResponseEntity<AlertHistory> get(@PathVariable long id) {
		return this.alerts.find(id)
			.map((alert) -> ResponseEntity.ok(history(alert)))
			.orElseThrow(() -> Problems.notFound("no alert " + id));
	}

	private AlertHistory history(Alert alert) {
		List<AlertNote> notes = this.notes.forAlert(alert.id());
		return new AlertHistory(alert, this.alerts.transitions(alert.id()),
				notes.stream().filter((note) -> note.kind() == AlertNote.Kind.ACKNOWLEDGED).toList(),
				notes.stream().filter((note) -> note.kind() == AlertNote.Kind.COMMENT).toList());
	}

}
