package org.harbinger.engine;

import java.util.Collection;
import java.util.List;

/**
 * One day's bucket of a counter in one scope: its counted incidents and their ids, sorted
 * once when the day changes, so that a window of many days only concatenates them.
 */
public record WindowDay(String counter, String scope, long day, List<IncidentFact> incidents, List<String> ids) {

	/**
	 * {@code incidents}: the day's counted incidents, each an {@link IncidentFact}, in
	 * any order.
	 */
	public static WindowDay of(String counter, String scope, long day, Collection<?> incidents) {
		List<IncidentFact> sorted = incidents.stream().map(IncidentFact.class::cast).sorted(Evidence.BY_DATE).toList();
		return new WindowDay(counter, scope, day, sorted, Evidence.ids(sorted));
	}

	public String getCounter() {
		return this.counter;
	}

	public String getScope() {
		return this.scope;
	}

	public long getDay() {
		return this.day;
	}

}
