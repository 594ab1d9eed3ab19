package org.harbinger.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.harbinger.engine.Severity;

/**
 * An alert: one per (indicator, scope), open while its condition holds, reopened if it
 * holds again. {@code severityEvidence} and {@code severityReason}: why it has its
 * severity when a count beyond its own evidence decided it (empty and null otherwise).
 */
public record Alert(long id, String indicator, String scope, Status status, Severity severity, List<String> evidence,
		String detail, LocalDate firstFiredOn, LocalDate changedOn, Instant updatedAt, List<String> severityEvidence,
		String severityReason) {

	/** Whether the condition holds now. */
	public enum Status {

		OPEN, RESOLVED

	}

}
