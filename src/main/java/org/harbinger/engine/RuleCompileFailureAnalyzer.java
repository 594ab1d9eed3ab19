package org.harbinger.engine;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Rules that do not compile stop the start-up with {@code file:line:col: message} lines.
 */
class RuleCompileFailureAnalyzer extends AbstractFailureAnalyzer<RuleCompileException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RuleCompileException cause) {
		return new FailureAnalysis("Harbinger cannot start: " + cause.getMessage(),
				"Fix the rule files (./mvnw verify or the rules tests check them) and start again.", cause);
	}

}
