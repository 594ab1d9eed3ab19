package org.harbinger.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Service;

/**
 * Creating, extending and expiring silences, with the checks the API and the silence
 * pages share: each refusal names the field ({@code ends_at}, {@code duration},
 * {@code comment}...).
 */
@Service
public class SilenceEdits {

	private final Silences silences;

	SilenceEdits(Silences silences) {
		this.silences = silences;
	}

	/**
	 * What a client sends: matchers (absent = {@code *}), a start (absent = now) and an
	 * end, given as {@code ends_at} or as a {@code duration} from the start ("2h", "3d",
	 * "PT90M").
	 */
	public record Request(String indicator, String scope, Instant startsAt, Instant endsAt, String duration,
			String comment) {
	}

	/** One field at fault and why. */
	public record Problem(String field, String message) {
	}

	/**
	 * The silence as it now stands, or the problems (and whether they are a conflict)
	 * that refused the change.
	 */
	public record Outcome(Silence silence, List<Problem> problems, boolean conflict) {

		static Outcome done(Silence silence) {
			return new Outcome(silence, List.of(), false);
		}

		static Outcome refused(List<Problem> problems) {
			return new Outcome(null, List.copyOf(problems), false);
		}

		public boolean ok() {
			return this.problems.isEmpty();
		}

	}

	public Outcome create(Request request, String who) {
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
			return Outcome.refused(problems);
		}
		long id = this.silences.create(indicator, scope, startsAt, endsAt, who, request.comment().trim());
		return Outcome.done(this.silences.find(id).orElseThrow());
	}

	/**
	 * Extends or shortens a silence that has not expired; the comment may be replaced
	 * too. Empty: no such silence.
	 */
	public Optional<Outcome> change(long id, Request request, String who) {
		Silence silence = this.silences.find(id).orElse(null);
		if (silence == null) {
			return Optional.empty();
		}
		Instant now = now();
		if (silence.state(now) == Silence.State.EXPIRED) {
			return Optional.of(new Outcome(null,
					List.of(new Problem("ends_at", "the silence has expired; create a new one")), true));
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
			return Optional.of(Outcome.refused(problems));
		}
		String comment = (request.comment() != null && !request.comment().isBlank()) ? request.comment().trim()
				: silence.comment();
		this.silences.change(id, startsAt, endsAt, comment, who);
		return Optional.of(Outcome.done(this.silences.find(id).orElseThrow()));
	}

	/**
	 * Extends a silence by {@code duration} from its end (from now if it already ended:
	 * an expired silence is not revived, as in Alertmanager; create another).
	 */
	public Optional<Outcome> extend(long id, String duration, String who) {
		Silence silence = this.silences.find(id).orElse(null);
		if (silence == null) {
			return Optional.empty();
		}
		List<Problem> problems = new ArrayList<>();
		Duration by = duration(duration, problems);
		if (by == null) {
			return Optional.of(Outcome.refused(problems));
		}
		return change(id, new Request(null, null, null, silence.endsAt().plus(by), null, null), who);
	}

	/**
	 * Expires the silence now; the record stays, and its expiry notice follows. Empty: no
	 * such silence.
	 */
	public Optional<Silence> expire(long id, String who) {
		Silence silence = this.silences.find(id).orElse(null);
		if (silence == null) {
			return Optional.empty();
		}
		Instant now = now();
		if (silence.state(now) != Silence.State.EXPIRED) {
			Instant startsAt = silence.startsAt().isAfter(now) ? now : silence.startsAt();
			this.silences.change(id, startsAt, now, silence.comment(), who);
		}
		return this.silences.find(id);
	}

	private static Instant end(Request request, Instant startsAt, List<Problem> problems) {
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
		Duration duration = duration(request.duration(), problems);
		return (duration != null) ? startsAt.plus(duration) : null;
	}

	private static Duration duration(String text, List<Problem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(new Problem("duration", "is required, such as 2h, 3d or PT90M"));
			return null;
		}
		try {
			Duration duration = DurationStyle.detectAndParse(text.trim().toLowerCase(Locale.ROOT));
			if (duration.isNegative() || duration.isZero()) {
				problems.add(new Problem("duration", "must be positive"));
				return null;
			}
			return duration;
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem("duration", "'" + text + "' is not a duration such as 2h, 3d or PT90M"));
			return null;
		}
	}

	private static void check(List<Problem> problems, String field, String problem) {
		if (problem != null) {
			problems.add(new Problem(field, problem));
		}
	}

	private static String orAnything(String matcher) {
		return (matcher == null || matcher.isBlank()) ? "*" : matcher.trim();
	}

	/**
	 * To the millisecond, as every database stores it: a silence ended now reads as ended
	 * now.
	 */
	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
