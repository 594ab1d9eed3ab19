package org.harbinger.engine;

import java.util.Objects;

/**
 * An incident a window indicator counts: its rule's one condition inserts it logically,
 * under the counter the rule names and the scope the incident belongs to, and the
 * engine's window rules ({@code engine/windows.drl}) keep the per-day buckets and the
 * window sums ({@link WindowCount}) from there. Equal when counter, scope and incident
 * are: two rules, or two matches, that count the same incident in the same place count it
 * once.
 */
public final class Counted {

	private final String counter;

	private final String scope;

	private final IncidentFact incident;

	public Counted(String counter, String scope, IncidentFact incident) {
		this.counter = counter;
		this.scope = scope;
		this.incident = incident;
	}

	public String getCounter() {
		return this.counter;
	}

	public String getScope() {
		return this.scope;
	}

	public IncidentFact getIncident() {
		return this.incident;
	}

	/**
	 * The incident's event day, as a field of its own so that the day buckets can index
	 * on it.
	 */
	public long getDay() {
		return this.incident.getDay();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Counted that && this.counter.equals(that.counter) && this.scope.equals(that.scope)
				&& this.incident == that.incident;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.counter, this.scope, System.identityHashCode(this.incident));
	}

	@Override
	public String toString() {
		return "Counted(" + this.counter + ", " + this.scope + ", " + this.incident + ")";
	}

}
