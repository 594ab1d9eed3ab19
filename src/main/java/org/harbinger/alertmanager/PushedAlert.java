package org.harbinger.alertmanager;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.harbinger.engine.Severity;

/**
 * One alert as Alertmanager's v2 API takes it. Its labels are its identity there: an
 * alert that changes severity is a new Alertmanager alert, and the old severity is sent
 * as ended, as Prometheus does when a rule's labels change. {@code endsAt} null: firing.
 */
record PushedAlert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt, Instant endsAt,
		String generatorUrl) {

	PushedAlert {
		labels = Map.copyOf(labels);
		annotations = Map.copyOf(annotations);
	}

	/**
	 * The labels Harbinger gives an alert: its indicator, scope, the scope's country if
	 * it has one, severity.
	 */
	static Map<String, String> labels(String indicator, String scope, Severity severity) {
		String country = country(scope);
		String level = severity.name().toLowerCase(Locale.ROOT);
		return (country != null) ? Map.of("alertname", indicator, "scope", scope, "country", country, "severity", level)
				: Map.of("alertname", indicator, "scope", scope, "severity", level);
	}

	/**
	 * The country of a place scope ({@code Afghanistan/Kunar}: Afghanistan); none for
	 * {@code global} or an attribute scope such as {@code lang=uz}, which are no places.
	 */
	static String country(String scope) {
		if (scope.equals("global") || scope.contains("=")) {
			return null;
		}
		int slash = scope.indexOf('/');
		return (slash < 0) ? scope : scope.substring(0, slash);
	}

	boolean firing() {
		return this.endsAt == null;
	}

}
