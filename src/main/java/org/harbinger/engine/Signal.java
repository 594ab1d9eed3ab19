package org.harbinger.engine;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * What the rules currently say about one alert key: the highest severity, all evidence,
 * the numbers. {@code severityEvidence} and {@code severityReason}: where the severity
 * rests on a count beyond the alert's own evidence, the incidents behind that count and a
 * sentence saying it (empty and null otherwise; see {@link IndicatorHit}).
 */
@NamedInterface("api")
public record Signal(Severity severity, List<String> evidence, String detail, List<String> severityEvidence,
		String severityReason) {

	public Signal {
		evidence = List.copyOf(evidence);
		severityEvidence = (severityEvidence != null) ? List.copyOf(severityEvidence) : List.of();
	}

	/** A signal whose severity its own evidence explains. */
	public Signal(Severity severity, List<String> evidence, String detail) {
		this(severity, evidence, detail, List.of(), null);
	}

}
