package org.harbinger.engine;

import java.util.List;

/** What the rules currently say about one alert key: the highest severity, all evidence, the numbers. */
public record Signal(Severity severity, List<String> evidence, String detail) {

	public Signal {
		evidence = List.copyOf(evidence);
	}

}
