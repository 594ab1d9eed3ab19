package org.harbinger.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/acled/pull} (ADMIN): pulls from ACLED now, answering like an upload:
 * 200 with the report when the pull ends within the wait, else 202 with its import job's
 * {@code Location}. {@code ?since=DATE} reloads the events dated from then. A pull under
 * way answers 409 with its job's {@code Location}; no credentials, 503 naming the
 * settings.
 */
@RestController
class AcledController {

	private final AcledPuller puller;

	private final ImportAnswers answers;

	AcledController(AcledPuller puller, ImportAnswers answers) {
		this.puller = puller;
		this.answers = answers;
	}

	@PostMapping("/api/acled/pull")
	ResponseEntity<ImportReport> pull(
			@RequestParam(name = "since",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@RequestParam(name = "wait", required = false) Integer wait) {
		if (since != null && since.isAfter(LocalDate.now(ZoneOffset.UTC))) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "since: " + since + " is in the future");
		}
		AcledPuller.Started started;
		try {
			started = this.puller.pull(since);
		}
		catch (AcledPuller.NotConfiguredException ex) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		}
		if (started.alreadyRunning()) {
			ResponseEntity<ImportReport> running = this.answers.accepted(started.importId());
			return ResponseEntity.status(HttpStatus.CONFLICT).headers(running.getHeaders()).body(running.getBody());
		}
		return this.answers.answer(new ImportQueue.Submitted(started.importId(), started.report()), wait);
	}

}
