package org.harbinger.alert;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.harbinger.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/silences}: list (active, pending, expired), create, extend or change the
 * end, and expire early ({@code DELETE} ends it now and keeps the record). The checks are
 * {@link SilenceEdits}', shared with the silence pages.
 */
@RestController
class SilenceController {

	private final Silences silences;

	private final SilenceEdits edits;

	SilenceController(Silences silences, SilenceEdits edits) {
		this.silences = silences;
		this.edits = edits;
	}

	/** A silence as the API shows it, with its state now. */
	record SilenceView(long id, String indicator, String scope, Instant startsAt, Instant endsAt, Silence.State state,
			String author, String comment, Instant createdAt, String updatedBy, Instant updatedAt) {

		static SilenceView of(Silence silence, Instant now) {
			return new SilenceView(silence.id(), silence.indicator(), silence.scope(), silence.startsAt(),
					silence.endsAt(), silence.state(now), silence.author(), silence.comment(), silence.createdAt(),
					silence.updatedBy(), silence.updatedAt());
		}

	}

	@GetMapping("/api/silences")
	List<SilenceView> list(@RequestParam(required = false) Silence.State state) {
		Instant now = SilenceEdits.now();
		return this.silences.all()
			.stream()
			.filter((silence) -> state == null || silence.state(now) == state)
			.map((silence) -> SilenceView.of(silence, now))
			.toList();
	}

	@GetMapping("/api/silences/{id}")
	SilenceView get(@PathVariable long id) {
		return this.silences.find(id)
			.map((silence) -> SilenceView.of(silence, SilenceEdits.now()))
			.orElseThrow(() -> noSuchSilence(id));
	}

	@PostMapping("/api/silences")
	ResponseEntity<?> create(@RequestBody SilenceEdits.Request request, Principal principal) {
		SilenceEdits.Outcome outcome = this.edits.create(request, who(principal));
		return outcome.ok() ? ResponseEntity.status(201).body(SilenceView.of(outcome.silence(), SilenceEdits.now()))
				: refused(outcome);
	}

	/**
	 * Extends or shortens a silence that has not expired; the comment may be replaced
	 * too.
	 */
	@PutMapping("/api/silences/{id}")
	ResponseEntity<?> change(@PathVariable long id, @RequestBody SilenceEdits.Request request, Principal principal) {
		SilenceEdits.Outcome outcome = this.edits.change(id, request, who(principal))
			.orElseThrow(() -> noSuchSilence(id));
		return outcome.ok() ? ResponseEntity.ok(SilenceView.of(outcome.silence(), SilenceEdits.now()))
				: refused(outcome);
	}

	/** Expires the silence now; the record stays, and its expiry notice follows. */
	@DeleteMapping("/api/silences/{id}")
	SilenceView expire(@PathVariable long id, Principal principal) {
		return SilenceView.of(this.edits.expire(id, who(principal)).orElseThrow(() -> noSuchSilence(id)),
				SilenceEdits.now());
	}

	private static ResponseEntity<ProblemDetail> refused(SilenceEdits.Outcome outcome) {
		String detail = outcome.problems()
			.stream()
			.map((problem) -> problem.field() + ": " + problem.message())
			.collect(Collectors.joining("; "));
		HttpStatus status = outcome.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
		return Problems.answer(Problems.errors(status, detail, outcome.problems()));
	}

	private static ErrorResponseException noSuchSilence(long id) {
		return Problems.notFound("no silence " + id);
	}

	private static String who(Principal principal) {
		return (principal == null) ? "unknown" : principal.getName();
	}

}
