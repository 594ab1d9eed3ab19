package org.harbinger.engine;

import java.time.Instant;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * Edited rules were refused and the running ones ({@code running}) stay in force; each
 * error names its file, line and column.
 */
@NamedInterface("api")
public record RulesRejected(String version, String running, List<RuleError> errors, Instant at) {

	public RulesRejected {
		errors = List.copyOf(errors);
	}

}
