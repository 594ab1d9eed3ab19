package org.harbinger.system;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

/**
 * A change to an administrator's file that was not made: nothing was written, applied or
 * audited. Each problem names the key (or field) and the reason; a conflict means the
 * file changed since the editor read it.
 */
public class ConfigChangeRefused extends RuntimeException {

	private static final Pattern LINE = Pattern.compile("line (\\d+): (.*)", Pattern.DOTALL);

	private final List<Problem> problems;

	private final boolean conflict;

	public ConfigChangeRefused(List<Problem> problems, boolean conflict) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
		this.conflict = conflict;
	}

	public static ConfigChangeRefused of(String key, String reason) {
		return new ConfigChangeRefused(List.of(new Problem(key, reason, null)), false);
	}

	public List<Problem> problems() {
		return this.problems;
	}

	public boolean conflict() {
		return this.conflict;
	}

	/** 409 for a conflict, else 400. */
	public HttpStatus status() {
		return this.conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
	}

	/**
	 * What is wrong with one key; the line in the resulting file when the file's reader
	 * named one.
	 */
	public record Problem(String key, String reason, Integer line) {

		/**
		 * A reader's {@code line N: key: reason}, split at the first {@code ": "} after
		 * the line.
		 */
		public static Problem of(String problem) {
			Matcher matcher = LINE.matcher(problem);
			Integer line = matcher.matches() ? Integer.valueOf(matcher.group(1)) : null;
			String rest = matcher.matches() ? matcher.group(2) : problem;
			int colon = rest.indexOf(": ");
			return (colon < 0) ? new Problem(null, rest, line)
					: new Problem(rest.substring(0, colon), rest.substring(colon + 2), line);
		}

	}

}
