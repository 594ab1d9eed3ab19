package org.harbinger.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentKey;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The incidents one session holds, by key and by event day, so that an amendment replaces
 * its old fact and the days older than every window leave in one sweep; and the
 * {@link DataCoverage} fact, the first event day the data reaches. Used on the engine's
 * thread only.
 */
final class SessionIncidents {

	private record Held(FactHandle handle, long day) {
	}

	private final KieSession session;

	private final Map<IncidentKey, Held> held = new HashMap<>();

	private final TreeMap<Long, Set<IncidentKey>> byDay = new TreeMap<>();

	private Long firstDay;

	private FactHandle coverage;

	SessionIncidents(KieSession session) {
		this.session = session;
	}

	/**
	 * Inserts the incident, replacing a version held before; one older than {@code from}
	 * only moves the coverage.
	 */
	void insert(Incident incident, long from) {
		retract(incident.key());
		IncidentFact fact = new IncidentFact(incident);
		cover(fact.getDay());
		if (fact.getDay() < from) {
			return;
		}
		this.held.put(fact.key(), new Held(this.session.insert(fact), fact.getDay()));
		this.byDay.computeIfAbsent(fact.getDay(), (day) -> new HashSet<>()).add(fact.key());
	}

	/** Whether some incident held is older than {@code horizon}. */
	boolean holdsBefore(long horizon) {
		return !this.byDay.isEmpty() && this.byDay.firstKey() < horizon;
	}

	/** Retracts every incident older than {@code horizon}. */
	void expireBefore(long horizon) {
		for (Set<IncidentKey> keys : List.copyOf(this.byDay.headMap(horizon).values())) {
			List.copyOf(keys).forEach(this::retract);
		}
	}

	int size() {
		return this.held.size();
	}

	/** The data reaches back to {@code day} at least. */
	void cover(long day) {
		if (this.firstDay != null && this.firstDay <= day) {
			return;
		}
		this.firstDay = day;
		if (this.coverage == null) {
			this.coverage = this.session.insert(new DataCoverage(day));
		}
		else {
			this.session.update(this.coverage, new DataCoverage(day));
		}
	}

	private void retract(IncidentKey key) {
		Held old = this.held.remove(key);
		if (old != null) {
			this.session.delete(old.handle());
			Set<IncidentKey> sameDay = this.byDay.get(old.day());
			sameDay.remove(key);
			if (sameDay.isEmpty()) {
				this.byDay.remove(old.day());
			}
		}
	}

}
