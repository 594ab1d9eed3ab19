package org.harbinger.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.harbinger.engine.Severity;

/**
 * One step in an alert's history, dated in event time ({@code date} is the engine's Today
 * when it happened), with the evidence at that moment. For RESOLVED the severity is the
 * one the alert had. {@code severityEvidence} and {@code severityReason} as on
 * {@link Alert}.
 */
public record Transition(long id, long alertId, String indicator, String scope, TransitionKind kind, Severity severity,
		Severity previousSeverity, LocalDate date, List<String> evidence, String detail, Instant recordedAt,
		List<String> severityEvidence, String severityReason) {
}
