package org.harbinger.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentChangeLog;
import org.harbinger.incident.IncidentKey;
import org.harbinger.incident.IncidentRepository;
import org.harbinger.system.ClusterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.DefaultCandidate;

/**
 * The engine's side of a cluster (docs/architecture.md, "One engine for the cluster"): a
 * candidate in Spring Integration's leader election over a JDBC lock. Elected, it notes
 * the end of the change log, starts the engine from the database, and from then on hands
 * the engine what other nodes logged; its own node's changes reach the engine directly
 * (they are read too, only so that their numbers are not taken for gaps).
 * <p>
 * With a warm standby (the default), every node runs an engine that reads the log from
 * its start and writes nothing; elected, it reads what is left and compares with the
 * alerts stored, writing only what differs.
 * <p>
 * Log numbers are taken when a row is inserted but become visible when its transaction
 * commits, so a later number can be seen before an earlier one: a number skipped is kept
 * as a gap and asked for again until it appears or is older than {@link #GAP_WAIT_MILLIS}
 * (its transaction rolled back). Applying a change reads the incident as stored now, so a
 * change applied twice, or late, leaves the same state.
 */
final class ClusterEngine extends DefaultCandidate implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ClusterEngine.class);

	static final long GAP_WAIT_MILLIS = 60_000;

	private final EngineHost host;

	private final IncidentChangeLog log;

	private final IncidentRepository incidents;

	private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "harbinger-change-log");
		thread.setDaemon(true);
		return thread;
	});

	/** The last log number read, or -1 while this node does not run the engine. */
	private long cursor = -1;

	/** Numbers skipped, with when they were first missed. */
	private final Map<Long, Long> gaps = new LinkedHashMap<>();

	private final boolean warmStandby;

	private final ClockProperties clock;

	/**
	 * The clock's date as last handed to the engine: the clock job runs on one node, each
	 * engine needs it.
	 */
	private LocalDate clockDay;

	ClusterEngine(EngineHost host, IncidentChangeLog log, IncidentRepository incidents, ClusterProperties cluster,
			ClockProperties clock) {
		super(cluster.nodeId(), "harbinger-engine");
		this.host = host;
		this.log = log;
		this.incidents = incidents;
		this.clock = clock;
		this.clockDay = clock.today();
		this.warmStandby = cluster.warmStandby();
		if (this.warmStandby) {
			this.cursor = log.last();
			host.standBy();
		}
		long poll = cluster.poll().toMillis();
		this.reader.scheduleWithFixedDelay(this::readSafely, poll, poll, TimeUnit.MILLISECONDS);
	}

	@Override
	public void onGranted(Context context) {
		if (this.warmStandby) {
			// What the standby has not read yet goes in before it compares and writes.
			read();
			this.host.lead();
			return;
		}
		long end = this.log.last();
		this.host.lead();
		synchronized (this) {
			this.cursor = end;
			this.gaps.clear();
		}
	}

	@Override
	public void onRevoked(Context context) {
		if (this.warmStandby) {
			this.host.standBy();
			return;
		}
		synchronized (this) {
			this.cursor = -1;
		}
		this.host.follow();
	}

	@Override
	public void close() {
		this.reader.shutdownNow();
	}

	private void readSafely() {
		try {
			read();
		}
		catch (RuntimeException ex) {
			logger.warn("Reading the incident change log failed; trying again", ex);
		}
	}

	private synchronized void read() {
		if (this.cursor < 0 || !this.host.runs()) {
			return;
		}
		LocalDate today = this.clock.today();
		if (!today.equals(this.clockDay)) {
			this.clockDay = today;
			this.host.advanceTo(today).join();
		}
		List<IncidentChangeLog.Change> changes = this.log.since(this.cursor, this.gaps.keySet());
		if (changes.isEmpty()) {
			expireGaps();
			return;
		}
		long expected = this.cursor + 1;
		long now = System.currentTimeMillis();
		for (IncidentChangeLog.Change change : changes) {
			this.gaps.remove(change.seq());
			for (long skipped = expected; skipped < change.seq(); skipped++) {
				this.gaps.putIfAbsent(skipped, now);
			}
			expected = Math.max(expected, change.seq() + 1);
		}
		this.cursor = Math.max(this.cursor, expected - 1);
		expireGaps();
		// This node's own changes reached its engine directly.
		List<IncidentChangeLog.Change> others = changes.stream().filter((change) -> !change.mine()).toList();
		if (!others.isEmpty()) {
			this.host.record(changesOf(others)).join();
		}
	}

	private void expireGaps() {
		long oldest = System.currentTimeMillis() - GAP_WAIT_MILLIS;
		this.gaps.values().removeIf((since) -> since < oldest);
	}

	/**
	 * The logged changes as the incidents stored now: one gone from the store is a
	 * deletion, whatever the log said.
	 */
	private IncidentChanges changesOf(List<IncidentChangeLog.Change> changes) {
		Map<IncidentKey, IncidentChangeLog.Kind> byKey = new LinkedHashMap<>();
		changes.forEach((change) -> byKey.merge(change.key(), change.kind(),
				(before, after) -> (before == IncidentChangeLog.Kind.INSERT && after == IncidentChangeLog.Kind.INSERT)
						? before : IncidentChangeLog.Kind.AMEND));
		Map<IncidentKey, Incident> stored = new HashMap<>();
		List<String> ids = byKey.keySet().stream().map(IncidentKey::eventId).distinct().toList();
		for (int start = 0; start < ids.size(); start += 500) {
			this.incidents.findByEventIds(ids.subList(start, Math.min(ids.size(), start + 500)))
				.forEach((incident) -> stored.put(incident.key(), incident));
		}
		List<Incident> upserts = new ArrayList<>();
		List<IncidentKey> amended = new ArrayList<>();
		List<IncidentKey> deleted = new ArrayList<>();
		byKey.forEach((key, kind) -> {
			Incident incident = stored.get(key);
			if (incident == null) {
				deleted.add(key);
				return;
			}
			upserts.add(incident);
			if (kind != IncidentChangeLog.Kind.INSERT) {
				amended.add(key);
			}
		});
		return new IncidentChanges(upserts, amended, deleted);
	}

}
