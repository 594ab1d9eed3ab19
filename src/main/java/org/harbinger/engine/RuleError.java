package org.harbinger.engine;

import org.springframework.modulith.NamedInterface;

/**
 * One problem in a rule file, placed as editors and CI expect:
 * {@code file:line:col: message}.
 */
@NamedInterface("api")
public record RuleError(String file, int line, int column, String message) {

	@Override
	public String toString() {
		return this.file + ":" + this.line + ":" + this.column + ": " + this.message;
	}

}
