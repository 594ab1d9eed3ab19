package org.harbinger.engine;

import java.util.List;

/**
 * A rule's finding, inserted logically: truth maintenance retracts it when its condition
 * stops holding. Identity equality on purpose, so two rules' hits never merge.
 * <p>
 * When the severity comes from a count other than the hit's own evidence
 * (cross-border-fire is CRITICAL for fire into two countries while each country's alert
 * cites its own incident), the rule says so: {@code severityEvidence} are the incidents
 * behind that count and {@code severityReason} the sentence an analyst reads after
 * "CRITICAL because:".
 */
public final class IndicatorHit {

	private final String indicator;

	private final String scope;

	private final Severity severity;

	private final List<String> evidence;

	private final String detail;

	private final List<String> severityEvidence;

	private final String severityReason;

	public IndicatorHit(String indicator, String scope, Severity severity, List<String> evidence, String detail) {
		this(indicator, scope, severity, evidence, detail, List.of(), null);
	}

	public IndicatorHit(String indicator, String scope, Severity severity, List<String> evidence, String detail,
			List<String> severityEvidence, String severityReason) {
		this.indicator = indicator;
		this.scope = scope;
		this.severity = severity;
		this.evidence = List.copyOf(evidence);
		this.detail = detail;
		this.severityEvidence = List.copyOf(severityEvidence);
		this.severityReason = severityReason;
	}

	public String getIndicator() {
		return this.indicator;
	}

	public String getScope() {
		return this.scope;
	}

	/**
	 * The country a scope path belongs to, its first segment ("Afghanistan/Kunar" belongs
	 * to Afghanistan), or null for scopes that are not places ({@code global},
	 * {@code lang=uz}).
	 */
	public String getCountry() {
		if (this.scope.equals("global") || this.scope.contains("=")) {
			return null;
		}
		int slash = this.scope.indexOf('/');
		return (slash < 0) ? this.scope : this.scope.substring(0, slash);
	}

	public Severity getSeverity() {
		return this.severity;
	}

	public List<String> getEvidence() {
		return this.evidence;
	}

	public String getDetail() {
		return this.detail;
	}

	public List<String> getSeverityEvidence() {
		return this.severityEvidence;
	}

	public String getSeverityReason() {
		return this.severityReason;
	}

	@Override
	public String toString() {
		return "IndicatorHit(" + this.indicator + ", " + this.scope + ", " + this.severity + ", " + this.evidence + ")";
	}

}
