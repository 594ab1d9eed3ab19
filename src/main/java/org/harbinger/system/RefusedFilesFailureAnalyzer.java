package org.harbinger.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A refused thresholds, subscriptions or aliases file stops the start-up with its
 * problems, not a stack trace.
 */
class RefusedFilesFailureAnalyzer extends AbstractFailureAnalyzer<ConfigFileException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConfigFileException cause) {
		return new FailureAnalysis("Harbinger cannot start: " + cause.getMessage(), "Correct the file and start again.",
				cause);
	}

}
