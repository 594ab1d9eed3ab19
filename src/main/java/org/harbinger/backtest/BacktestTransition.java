package org.harbinger.backtest;

import java.time.LocalDate;
import java.util.List;

import org.harbinger.alert.TransitionKind;
import org.harbinger.engine.Severity;

/**
 * One alert transition a replay produced, dated by the simulated clock;
 * {@code severityReason} when a count beyond its own evidence decided its severity
 * (docs/grading.md, section 5).
 */
public record BacktestTransition(LocalDate date, String indicator, String scope, Severity severity,
		TransitionKind transition, List<String> evidence, String detail, String severityReason) {
}
