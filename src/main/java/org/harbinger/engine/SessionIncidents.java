package org.harbinger.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentKey;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The incidents one session holds, by key and by event day, so that an amendment replaces
 * its old fact and the days older than every window leave in one sweep; the facts of the
 * incidents that have passed through since the lookback horizon, so that a rule reload
 * can seed its new session from memory rather than the database; and the
 * {@link DataCoverage} fact, the first event day the data reaches. Used on the engine's
 * thread only.
 */
final class SessionIncidents {

	private final KieSession session;

	private final Map<IncidentKey, FactHandle> held = new HashMap<>();

	/** The facts held per event day, in the order they came. */
	private final TreeMap<Long, List<IncidentFact>> byDay = new TreeMap<>();

	/**
	 * The facts of the days that left the session but not the lookback: a session seeded
	 * from the database passes them through its rules once, so a session seeded from
	 * these facts must too. The facts themselves, no copy: about 180 bytes each.
	 */
	private final TreeMap<Long, List<IncidentFact>> passed = new TreeMap<>();

	/** The first day from which every incident inserted is held or passed. */
	private long keptFrom;

	private Long firstDay;

	private FactHandle coverage;

	/**
	 * {@code keptFrom}: the first day the incidents about to be inserted reach (the
	 * lookback horizon).
	 */
	SessionIncidents(KieSession session, long keptFrom) {
		this.session = session;
		this.keptFrom = keptFrom;
	}

	/**
	 * Inserts the incident, replacing a version held before; one older than {@code from}
	 * only moves the coverage.
	 */
	void insert(Incident incident, long from) {
		insert(new IncidentFact(incident), from);
	}

	/**
	 * As above, for a fact already made (facts do not change, so sessions share them).
	 */
	void insert(IncidentFact fact, long from) {
		retract(fact.key());
		cover(fact.getDay());
		if (fact.getDay() < from) {
			return;
		}
		this.held.put(fact.key(), this.session.insert(fact));
		this.byDay.computeIfAbsent(fact.getDay(), (day) -> new ArrayList<>()).add(fact);
	}

	/** Whether some incident held is older than {@code horizon}. */
	boolean holdsBefore(long horizon) {
		return !this.byDay.isEmpty() && this.byDay.firstKey() < horizon;
	}

	/**
	 * Retracts every incident older than {@code horizon}; their facts are kept until
	 * {@link #forgetBefore} passes them.
	 */
	void expireBefore(long horizon) {
		Map<Long, List<IncidentFact>> expired = this.byDay.headMap(horizon);
		expired.forEach((day, facts) -> {
			facts.forEach((fact) -> this.session.delete(this.held.remove(fact.key())));
			this.passed.computeIfAbsent(day, (ignored) -> new ArrayList<>()).addAll(facts);
		});
		expired.clear();
	}

	/** Lets go of the facts older than {@code from}, the lookback horizon. */
	void forgetBefore(long from) {
		if (from > this.keptFrom) {
			this.keptFrom = from;
			this.passed.headMap(from).clear();
		}
	}

	/**
	 * Whether every incident since {@code from} that the session has seen is still here,
	 * held or passed.
	 */
	boolean keepsSince(long from) {
		return from >= this.keptFrom;
	}

	/**
	 * The facts of the incidents since {@code from}, day by day in the order they came.
	 */
	void forEachSince(long from, Consumer<IncidentFact> action) {
		this.passed.tailMap(from).values().forEach((facts) -> facts.forEach(action));
		this.byDay.tailMap(from).values().forEach((facts) -> facts.forEach(action));
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

	/**
	 * Amendments rebuild the session from the database, so a key comes twice only from a
	 * caller that did not say so; its old fact goes at once, from its day too.
	 */
	private void retract(IncidentKey key) {
		FactHandle old = this.held.remove(key);
		if (old != null) {
			IncidentFact fact = (IncidentFact) old.getObject();
			this.session.delete(old);
			this.byDay.get(fact.getDay()).removeIf((kept) -> kept == fact);
		}
	}

}
