package org.harbinger.alert;

import java.time.Instant;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A silence, as in Alertmanager: while active it mutes the notifications (digests, flash
 * notices) of transitions whose indicator and scope it matches; the alerts themselves go
 * on as before. A matcher is {@code *} (anything), {@code ~regex} (the whole value
 * matches), or an exact value; an exact scope also covers everything under it, so
 * {@code Afghanistan} covers {@code Afghanistan/Kunar}. Expiring a silence early moves
 * its end to that moment.
 */
public record Silence(long id, String indicator, String scope, Instant startsAt, Instant endsAt, String author,
		String comment, Instant createdAt, String updatedBy, Instant updatedAt) {

	/** Where a silence stands at a given moment. */
	public enum State {

		PENDING, ACTIVE, EXPIRED

	}

	public State state(Instant at) {
		if (at.isBefore(this.startsAt)) {
			return State.PENDING;
		}
		return at.isBefore(this.endsAt) ? State.ACTIVE : State.EXPIRED;
	}

	public boolean activeAt(Instant at) {
		return state(at) == State.ACTIVE;
	}

	/**
	 * Whether the silence was ever in force: one expired before its start never muted
	 * anything.
	 */
	public boolean everActive() {
		return this.startsAt.isBefore(this.endsAt);
	}

	public boolean matches(String indicator, String scope) {
		return matchesIndicator(this.indicator, indicator) && matchesScope(this.scope, scope);
	}

	public boolean matchesIndicator(String indicator) {
		return matchesIndicator(this.indicator, indicator);
	}

	/**
	 * Whether the silence could mute something under a filter on {@code scope} (itself
	 * and what lies under it): the silence covers the scope, or the scope covers the
	 * silence's.
	 */
	public boolean overlapsScope(String scope) {
		return matchesScope(this.scope, scope) || isPlain(this.scope) && this.scope.startsWith(scope + "/");
	}

	/**
	 * Matchers as one line for people, e.g.
	 * {@code indicator=cross-border-fire, scope=Afghanistan and below}.
	 */
	public String matchers() {
		return "indicator=" + this.indicator + ", scope=" + this.scope + (isPlain(this.scope) ? " and below" : "");
	}

	static boolean matchesIndicator(String matcher, String value) {
		return isPlain(matcher) ? matcher.equals(value) : matchesPattern(matcher, value);
	}

	static boolean matchesScope(String matcher, String value) {
		return isPlain(matcher) ? value.equals(matcher) || value.startsWith(matcher + "/")
				: matchesPattern(matcher, value);
	}

	/** Null when the matcher is well formed, else what is wrong with it. */
	static String problem(String matcher) {
		if (matcher == null || matcher.isBlank()) {
			return "is required ('*' matches anything)";
		}
		if (matcher.startsWith("~")) {
			try {
				Pattern.compile(matcher.substring(1));
			}
			catch (PatternSyntaxException ex) {
				return "'" + matcher.substring(1) + "' is not a regular expression: " + ex.getDescription();
			}
		}
		return null;
	}

	private static boolean isPlain(String matcher) {
		return !"*".equals(matcher) && !matcher.startsWith("~");
	}

	private static boolean matchesPattern(String matcher, String value) {
		return "*".equals(matcher) || Pattern.compile(matcher.substring(1)).matcher(value).matches();
	}

}
