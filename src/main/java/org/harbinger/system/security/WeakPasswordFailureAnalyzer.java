package org.harbinger.system.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A refused first-admin password stops the start-up with one line saying why, not a stack
 * trace.
 */
class WeakPasswordFailureAnalyzer extends AbstractFailureAnalyzer<WeakPasswordException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WeakPasswordException cause) {
		return new FailureAnalysis("Harbinger cannot start: " + cause.getMessage(),
				"Set HARBINGER_ADMIN_PASSWORD to a passphrase of at least " + PasswordPolicy.MIN_LENGTH
						+ " characters, or leave it unset to have a random one printed once.",
				cause);
	}

}
