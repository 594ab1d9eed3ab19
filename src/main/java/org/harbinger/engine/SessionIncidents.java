package org.harbinger.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

	private final KieSession session;

	private final Map<IncidentKey, FactHandle> held = new HashMap<>();

	/**
	 * The keys held per event day; a replaced incident's key stays in its day's list
	 * until the day leaves (a list costs a reference per incident, a set a node).
	 */
	private final TreeMap<Long, List<IncidentKey>> byDay = new TreeMap<>();

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
		this.held.put(fact.key(), this.session.insert(fact));
		this.byDay.computeIfAbsent(fact.getDay(), (day) -> new ArrayList<>()).add(fact.key());
	}

	/** Whether some incident held is older than {@code horizon}. */
	boolean holdsBefore(long horizon) {
		return !this.byDay.isEmpty() && this.byDay.firstKey() < horizon;
	}

	/** Retracts every incident older than {@code horizon}. */
	void expireBefore(long horizon) {
		Map<Long, List<IncidentKey>> expired = this.byDay.headMap(horizon);
		for (List<IncidentKey> keys : expired.values()) {
			for (IncidentKey key : keys) {
				FactHandle handle = this.held.get(key);
				if (handle != null && ((IncidentFact) handle.getObject()).getDay() < horizon) {
					this.held.remove(key);
					this.session.delete(handle);
				}
			}
		}
		expired.clear();
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
		FactHandle old = this.held.remove(key);
		if (old != null) {
			this.session.delete(old);
		}
	}

}
