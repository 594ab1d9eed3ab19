package org.harbinger.engine;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.modulith.NamedInterface;

/** The rules did not compile; each error names its file and line. */
@NamedInterface("replay")
public class RuleCompileException extends RuntimeException {

	private final List<RuleError> errors;

	public RuleCompileException(List<RuleError> errors) {
		super("The rules do not compile:\n  "
				+ errors.stream().map(RuleError::toString).collect(Collectors.joining("\n  ")));
		this.errors = List.copyOf(errors);
	}

	public List<RuleError> errors() {
		return this.errors;
	}

}
