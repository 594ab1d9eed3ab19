package org.harbinger.digest;

import java.time.ZoneId;
import java.util.List;

import org.harbinger.alert.Transition;
import org.harbinger.engine.Severity;

/**
 * Who gets which transitions, and when: a digest on a cron schedule in the subscriber's
 * time zone, filtered by minimum severity, indicators and scope (empty filters match all;
 * a scope matches itself and everything under it, so "Afghanistan" covers
 * "Afghanistan/Kunar"). With {@code flash}, CRITICAL transitions are also sent at once,
 * as flash notices; with {@code ruleErrors}, also an email each time edited rules are
 * refused. {@code delivery}: email to the recipients, or a webhook, Slack or Teams (then
 * there are no recipients).
 */
public record Subscription(String name, List<String> recipients, String cron, ZoneId timeZone, Severity minSeverity,
		List<String> indicators, List<String> scopes, boolean flash, boolean ruleErrors, Delivery delivery) {

	/** By email. */
	public Subscription(String name, List<String> recipients, String cron, ZoneId timeZone, Severity minSeverity,
			List<String> indicators, List<String> scopes, boolean flash, boolean ruleErrors) {
		this(name, recipients, cron, timeZone, minSeverity, indicators, scopes, flash, ruleErrors, Delivery.EMAIL);
	}

	/** Without flash notices or rule errors: transitions wait for the digest. */
	public Subscription(String name, List<String> recipients, String cron, ZoneId timeZone, Severity minSeverity,
			List<String> indicators, List<String> scopes) {
		this(name, recipients, cron, timeZone, minSeverity, indicators, scopes, false, false);
	}

	public boolean wants(Transition transition) {
		return wants(transition.indicator(), transition.scope(), transition.severity());
	}

	public boolean wants(String indicator, String scope, Severity severity) {
		return severity.compareTo(this.minSeverity) >= 0
				&& (this.indicators.isEmpty() || this.indicators.contains(indicator))
				&& (this.scopes.isEmpty() || this.scopes.stream()
					.anyMatch((wanted) -> scope.equals(wanted) || scope.startsWith(wanted + "/")));
	}

}
