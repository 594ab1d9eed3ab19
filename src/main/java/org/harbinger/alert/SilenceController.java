package org.harbinger.alert;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.harbinger.system.Problems;

import org.springframework.boot.convert.DurationStyle;
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
 * {@code /api/silences}: list (active, pending, expired), create, extend or change the end,
 * and expire early ({@code DELETE} ends it now and keeps the record).
 */
@RestController
class SilenceController {

	private final Silences silences;

	SilenceController(Silences silences) {
		this.silences = silences;
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

	/**
	 * What a client sends: matchers (absent = {@code *}), a start (absent = now) and an end,
	 * given as {@code ends_at} or as a {@code duration} from the start ("2h", "3d", "PT90M").
	 */
	record SilenceRequest(String indicator, String scope, Instant startsAt, Instant endsAt, String duration,
			String comment) {
	}

	record Problem(String field, String message) {
	}

	@GetMapping("/api/silences")
	List<SilenceView> list(@RequestParam(required = false) Silence.State state) {
		Instant now = now();
		return this.silences.all()
			.stream()
			.filter((silence) -> state == null || silence.state(now) == state)
			.map((silence) -> SilenceView.of(silence, now))
			.toList();
	}

	@GetMapping("/api/silences/{id}")
	ResponseEntity<SilenceView> get(@PathVariable long id) {
		return this.silences.find(id)
			.map((silence) -> ResponseEntity.ok(SilenceView.of(silence, now())))
			.orElseThrow(() -> noSuchSilence(id));
	}

	@PostMapping("/api/silences")
	ResponseEntity<?> create(@RequestBody SilenceRequest request, Principal principal) {
		Instant now = now();
		String indicator = orAnything(request.indicator());
		String scope = orAnything(request.scope());
		Instant startsAt = (request.startsAt() != null) ? request.startsAt() : now;
		List<Problem> problems = new ArrayList<>();
		check(problems, "indicator", Silence.problem(indicator));
		check(problems, "scope", Silence.problem(scope));
		if ("*".equals(indicator) && "*".equals(scope)) {
			problems.add(new Problem("scope", "a silence of every indicator in every scope would mute everything; "
					+ "name an indicator or a scope"));
		}
		Instant endsAt = end(request, startsAt, problems);
		if (endsAt != null && !endsAt.isAfter(now)) {
			problems.add(new Problem("ends_at", "must be in the future"));
		}
		if (request.comment() == null || request.comment().isBlank()) {
			problems.add(new Problem("comment", "is required: say why notifications are muted"));
		}
		if (!problems.isEmpty()) {
			return refused(problems);
		}
		long id = this.silences.create(indicator, scope, startsAt, endsAt, who(principal), request.comment().trim());
		return ResponseEntity.status(201).body(SilenceView.of(this.silences.find(id).orElseThrow(), now));
	}

	/** Extends or shortens a silence that has not expired; the comment may be replaced too. */
	@PutMapping("/api/silences/{id}")
	ResponseEntity<?> change(@PathVariable long id, @RequestBody SilenceRequest request, Principal principal) {
		Silence silence = this.silences.find(id).orElseThrow(() -> noSuchSilence(id));
		Instant now = now();
		if (silence.state(now) == Silence.State.EXPIRED) {
			return Problems.answer(Problems.errors(HttpStatus.CONFLICT, "ends_at: the silence has expired; create a new one",
					List.of(new Problem("ends_at", "the silence has expired; create a new one"))));
		}
		List<Problem> problems = new ArrayList<>();
		if (request.indicator() != null && !request.indicator().equals(silence.indicator())
				|| request.scope() != null && !request.scope().equals(silence.scope())) {
			problems.add(new Problem("indicator", "matchers cannot change; expire this silence and create another"));
		}
		Instant startsAt = (request.startsAt() != null && silence.state(now) == Silence.State.PENDING)
				? request.startsAt() : silence.startsAt();
		Instant endsAt = end(request, startsAt, problems);
		if (endsAt != null && !endsAt.isAfter(now)) {
			problems.add(new Problem("ends_at", "must be in the future; DELETE expires a silence now"));
		}
		if (!problems.isEmpty()) {
			return refused(problems);
		}
		String comment = (request.comment() != null && !request.comment().isBlank()) ? request.comment().trim()
				: silence.comment();
		this.silences.change(id, startsAt, endsAt, comment, who(principal));
		return ResponseEntity.ok(SilenceView.of(this.silences.find(id).orElseThrow(), now));
	}

	/** Expires the silence now; the record stays, and its expiry notice follows. */
	@DeleteMapping("/api/silences/{id}")
	ResponseEntity<SilenceView> expire(@PathVariable long id, Principal principal) {
		Silence silence = this.silences.find(id).orElseThrow(() -> noSuchSilence(id));
		Instant now = now();
		if (silence.state(now) != Silence.State.EXPIRED) {
			Instant startsAt = silence.startsAt().isAfter(now) ? now : silence.startsAt();
			this.silences.change(id, startsAt, now, silence.comment(), who(principal));
		}
		return ResponseEntity.ok(SilenceView.of(this.silences.find(id).orElseThrow(), now));
	}

	private static ResponseEntity<ProblemDetail> refused(List<Problem> problems) {
		String detail = problems.stream()
			.map((problem) -> problem.field() + ": " + problem.message())
			.collect(Collectors.joining("; "));
		return Problems.answer(Problems.errors(HttpStatus.BAD_REQUEST, detail, problems));
	}

	private static ErrorResponseException noSuchSilence(long id) {
		return Problems.notFound("no silence " + id);
	}

	private static Instant end(SilenceRequest request, Instant startsAt, List<Problem> problems) {
		if (request.endsAt() != null) {
			if (!request.endsAt().isAfter(startsAt)) {
				problems.add(new Problem("ends_at", "must be after starts_at"));
				return null;
			}
			return request.endsAt();
		}
		if (request.duration() == null || request.duration().isBlank()) {
			problems.add(new Problem("ends_at", "is required (or a duration such as \"2h\" or \"3d\")"));
			return null;
		}
		try {
			Duration duration = DurationStyle.detectAndParse(request.duration().trim().toLowerCase(Locale.ROOT));
			if (duration.isNegative() || duration.isZero()) {
				problems.add(new Problem("duration", "must be positive"));
				return null;
			}
			return startsAt.plus(duration);
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem("duration", "'" + request.duration() + "' is not a duration such as 2h, 3d or PT90M"));
			return null;
		}
	}

	private static void check(List<Problem> problems, String field, String problem) {
		if (problem != null) {
			problems.add(new Problem(field, problem));
		}
	}

	private static String orAnything(String matcher) {
		return (matcher == null) ? "*" : matcher.trim();
	}

	/** To the millisecond, as every database stores it: a silence ended now reads as ended now. */
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String who(Principal principal) {
		return (principal == null) ? "unknown" : principal.getName();
	}

}
