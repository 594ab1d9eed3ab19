package org.harbinger.engine;

import org.springframework.modulith.NamedInterface;

/**
 * The identity of an alert: two findings with the same indicator and scope are one alert.
 */
@NamedInterface("api")
public record AlertKey(String indicator, String scope) implements Comparable<AlertKey> {

	@Override
	public int compareTo(AlertKey other) {
		int byIndicator = this.indicator.compareTo(other.indicator);
		return (byIndicator != 0) ? byIndicator : this.scope.compareTo(other.scope);
	}

}
