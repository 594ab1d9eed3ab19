package org.harbinger.engine;

import java.time.Instant;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * What {@code GET /api/rules/status} shows: the rules in force (the content hash of their
 * files, when they were loaded, each file's metadata), whether the files on disk are what
 * runs ({@code OK}) or were refused ({@code ERROR}), the last refusal with every error,
 * and the same for config/thresholds.yml.
 */
@NamedInterface("api")
public record RulesStatus(State state, String version, Instant loadedAt, List<RuleFile> files, Refusal lastRefusal,
		ThresholdsStatus thresholds) {

	/**
	 * OK: what is on disk is in force. ERROR: the last attempt was refused; the previous
	 * version runs.
	 */
	public enum State {

		OK, ERROR

	}

	/** One rule file in force and its indicator's metadata. */
	public record RuleFile(String file, String id, String title, String status, List<Severity> levels, String role,
			String group) {
	}

	/** A refused attempt: when, the content hash of what was refused, and why. */
	public record Refusal(Instant at, String version, List<RuleError> errors) {
	}

	/**
	 * config/thresholds.yml: the values in force were applied at {@code appliedAt};
	 * refused edits list their problems.
	 */
	public record ThresholdsStatus(State state, String file, Instant appliedAt, Instant refusedAt,
			List<String> errors) {
	}

}
