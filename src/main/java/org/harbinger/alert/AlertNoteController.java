package org.harbinger.alert;

import java.security.Principal;

import org.harbinger.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/alerts/{id}/acknowledge} and {@code POST /api/alerts/{id}/comments}
 * ({@code {"text":"..."}}): each answers 201 with the note, who and when.
 */
@RestController
class AlertNoteController {

	private final AlertRepository alerts;

	private final AlertNotes notes;

	AlertNoteController(AlertRepository alerts, AlertNotes notes) {
		this.alerts = alerts;
		this.notes = notes;
	}

	/** The body of a comment. */
	record CommentRequest(String text) {
	}

	@PostMapping("/api/alerts/{id}/acknowledge")
	ResponseEntity<?> acknowledge(@PathVariable long id, Principal principal) {
		if (this.alerts.find(id).isEmpty()) {
			return noSuchAlert(id);
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(this.notes.acknowledge(id, who(principal)));
	}

	@PostMapping("/api/alerts/{id}/comments")
	ResponseEntity<?> comment(@PathVariable long id, @RequestBody CommentRequest request, Principal principal) {
		if (this.alerts.find(id).isEmpty()) {
			return noSuchAlert(id);
		}
		String problem = AlertNotes.problem(request.text());
		if (problem != null) {
			return Problems.badRequest("text: " + problem);
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(this.notes.comment(id, who(principal), request.text()));
	}

	private static String who(Principal principal) {
		return (principal == null) ? "unknown" : principal.getName();
	}

	private static ResponseEntity<?> noSuchAlert(long id) {
		return Problems.answer(Problems.of(HttpStatus.NOT_FOUND, "no alert " + id));
	}

}
