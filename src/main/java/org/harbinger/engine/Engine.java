package org.harbinger.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

import org.harbinger.incident.Incident;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.NamedInterface;

/**
 * Owns the one long-lived Drools session, on one thread: a KieSession is not thread-safe,
 * so every other thread hands work over and may wait on the returned future. The session
 * holds the incidents inside the retention window, the thresholds and {@link Today}; it
 * can be rebuilt from the database at any time.
 */
@NamedInterface("replay")
public final class Engine implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Engine.class);

	private final EngineThread thread;

	private final IncidentHistory history;

	private SignalSink sink;

	private MemoryStore store;

	private final HitTracker hits = new HitTracker();

	private final StatedHits stated = new StatedHits();

	private final ThresholdFacts thresholdFacts = new ThresholdFacts();

	private RuleBase rules;

	private ThresholdSet thresholds;

	private KieSession session;

	private SessionMemory memory;

	private SessionIncidents incidents;

	/**
	 * Written on the engine thread only; volatile so pages can read it without queueing.
	 */
	private volatile LocalDate today;

	private FactHandle todayHandle;

	private final PublishedSignals published = new PublishedSignals();

	private Engine(RuleBase rules, ThresholdSet thresholds, LocalDate today, IncidentHistory history, SignalSink sink,
			MemoryStore store, LongConsumer stepTime) {
		this.thread = new EngineThread(stepTime);
		this.rules = rules;
		this.thresholds = thresholds;
		this.today = today;
		this.history = history;
		this.sink = sink;
		this.store = store;
	}

	/**
	 * Builds the session from the stored incidents and reconciles it with the alerts
	 * already open.
	 */
	public static Engine start(RuleBase rules, ThresholdSet thresholds, LocalDate today, IncidentHistory history,
			SignalSink sink) {
		return start(rules, thresholds, today, history, sink, MemoryStore.inMemory(), (nanos) -> {
		});
	}

	/**
	 * As above, with the session's memory kept in {@code store} and read back from it.
	 */
	static Engine start(RuleBase rules, ThresholdSet thresholds, LocalDate today, IncidentHistory history,
			SignalSink sink, MemoryStore store, LongConsumer stepTime) {
		Engine engine = new Engine(rules, thresholds, today, history, sink, store, stepTime);
		engine.submit(() -> engine.seed(SessionMemory.restore(store.load(), rules.kieBase()), Set.of())).join();
		return engine;
	}

	/**
	 * Inserts new incidents. A step that amends or deletes incidents rebuilds the session
	 * from the store instead: facts the rules derived from the old versions and keep
	 * beyond them (new-province's sightings, the day's first coverage) would otherwise
	 * outlive them, and the alerts would depend on the order reports came in
	 * (docs/architecture.md, "The first principle: one truth"). The store already holds
	 * the step's incidents.
	 */
	public CompletableFuture<Void> record(IncidentChanges changes) {
		return submit(() -> {
			if (changes.withdraws()) {
				seed(remembered(), changes.withdrawnIds());
				return;
			}
			changes.upserts().forEach(this::insert);
			fireAndPublish(Set.of());
		});
	}

	/**
	 * Moves the event-time clock; incidents that fall out of every window leave the
	 * session.
	 */
	public CompletableFuture<Void> advanceTo(LocalDate date) {
		return advanceTo(date, IncidentChanges.none());
	}

	/**
	 * Moves the clock and takes what arrived that day in one step, so transitions are
	 * judged on the day's end state, not on the moment between the two.
	 */
	public CompletableFuture<Void> advanceTo(LocalDate date, IncidentChanges arrivals) {
		return submit(() -> {
			boolean back = date.isBefore(this.today);
			if (back || arrivals.withdraws()) {
				// Back: incidents already expired may count again. Either way, rebuild
				// rather than guess.
				this.today = date;
				seed(remembered(), arrivals.withdrawnIds());
				return;
			}
			if (date.isAfter(this.today)) {
				this.today = date;
				this.session.update(this.todayHandle, new Today(date));
			}
			arrivals.upserts().forEach(this::insert);
			fireAndPublish(Set.of());
		});
	}

	/**
	 * Swaps in another rule base (docs/architecture.md, decision 4): the old session is
	 * disposed and a new one seeded, diffed against the alerts already open, so only what
	 * the new rules say differently becomes a transition. The new session gets the facts
	 * of the incidents the old one has seen since the lookback horizon, which are the
	 * database's (every change reached both), rather than reading them again: the read
	 * was most of a reload's seeding with a million stored. Work queued before the swap
	 * ran on the old session; work queued after it runs on the new one. If the new rules
	 * fail when run, the old ones are put back, seeded from the database.
	 */
	public CompletableFuture<Void> useRules(RuleBase next, ThresholdSet nextThresholds) {
		return submit(() -> {
			RuleBase oldRules = this.rules;
			ThresholdSet oldThresholds = this.thresholds;
			List<SessionMemory.Fact> kept = this.memory.export(oldRules.kieBase());
			this.rules = next;
			this.thresholds = nextThresholds;
			try {
				seed(SessionMemory.restore(kept, next.kieBase()), Set.of(), this.incidents);
			}
			catch (RuntimeException ex) {
				this.rules = oldRules;
				this.thresholds = oldThresholds;
				seed(SessionMemory.restore(kept, oldRules.kieBase()), Set.of());
				throw ex;
			}
		});
	}

	/**
	 * Uses new threshold values; a longer retention or lookback needs older incidents, so
	 * the session is rebuilt. Equal values change nothing.
	 */
	public CompletableFuture<Void> useThresholds(ThresholdSet next) {
		return submit(() -> {
			if (next.values().equals(this.thresholds.values())) {
				return;
			}
			boolean longer = next.retentionDays() > this.thresholds.retentionDays()
					|| next.lookbackDays() > this.thresholds.lookbackDays();
			this.thresholds = next;
			if (longer) {
				seed(remembered(), Set.of());
				return;
			}
			this.thresholdFacts.update(this.session, next);
			fireAndPublish(Set.of());
		});
	}

	/**
	 * Writes to {@code sink} and {@code store} from now on, after comparing what the
	 * session finds with the alerts {@code sink} holds open: a warm standby taking over
	 * writes only what the engine it replaces had not written (docs/cluster.md).
	 */
	CompletableFuture<Void> publishTo(SignalSink next, MemoryStore nextStore) {
		return submit(() -> {
			this.sink = next;
			this.store = nextStore;
			this.hits.touch(this.published.resetTo(next.openSignals()));
			this.hits.touchLive();
			fireAndPublish(Set.of());
			nextStore.save(this.memory.export(this.rules.kieBase()));
		});
	}

	/** Notes in {@code history} the hits held once the work queued before is done. */
	public CompletableFuture<Void> noteHits(HitHistory history) {
		return submit(() -> history.add(this.hits.all()));
	}

	/**
	 * States what {@code history} noted of {@code indicators}' hits at {@code step}, for
	 * the next step to see: a replay that does not run those indicators' rules sees the
	 * hits they had in the recorded run.
	 */
	public CompletableFuture<Void> stateHits(HitHistory history, int step, Set<String> indicators) {
		return submit(() -> this.stated.apply(this.session, history.step(step), indicators));
	}

	/** Today once everything queued before this call has been evaluated. */
	public LocalDate today() {
		return submit(() -> {
		}).thenApply((ignored) -> this.today).join();
	}

	/**
	 * Today as the engine last moved it, at once: for pages, which must not wait behind a
	 * large import's queue of evaluations.
	 */
	public LocalDate currentDay() {
		return this.today;
	}

	/** The number of incidents the session holds now. */
	public int heldIncidents() {
		return submit(() -> {
		}).thenApply((ignored) -> this.incidents.size()).join();
	}

	/**
	 * Every fact the session holds: for the tests that compare one session with another.
	 */
	List<Object> facts() {
		List<Object> facts = new ArrayList<>();
		submit(() -> facts.addAll(this.session.getObjects())).join();
		return facts;
	}

	@Override
	public void close() {
		this.thread.close(() -> {
			if (this.session != null) {
				this.session.dispose();
			}
		});
	}

	private CompletableFuture<Void> submit(Runnable work) {
		return this.thread.submit(work);
	}

	/** What this session remembers, as facts for a new session of the same rules. */
	private List<Object> remembered() {
		return SessionMemory.restore(this.memory.export(this.rules.kieBase()), this.rules.kieBase());
	}

	/**
	 * A new session from the store. {@code memory}: what the previous session remembered
	 * that the incidents cannot give back; {@code withdrawn}: ids of incidents amended or
	 * deleted, so that an alert they alone held up is retracted rather than resolved.
	 */
	private void seed(List<Object> memory, Set<String> withdrawn) {
		seed(memory, withdrawn, null);
	}

	/**
	 * As above, with the incidents taken from {@code seen} (the previous session's) when
	 * it keeps every one the new lookback reaches, and from the store otherwise.
	 */
	private void seed(List<Object> memory, Set<String> withdrawn, SessionIncidents seen) {
		if (this.session != null) {
			this.session.dispose();
		}
		this.hits.clear();
		this.session = this.rules.kieBase().newKieSession();
		this.session.addEventListener(this.hits);
		this.memory = SessionMemory.following(this.rules.kieBase());
		this.session.addEventListener(this.memory);
		this.thresholdFacts.insertInto(this.session, this.thresholds);
		this.todayHandle = this.session.insert(new Today(this.today));
		memory.forEach(this.session::insert);
		this.stated.insertInto(this.session);
		long from = this.thresholds.lookbackHorizon(this.today);
		this.incidents = new SessionIncidents(this.session, from);
		this.history.firstEventDate().ifPresent((first) -> this.incidents.cover(first.toEpochDay()));
		if (seen != null && seen.keepsSince(from)) {
			seen.forEachSince(from, (fact) -> this.incidents.insert(fact, from));
		}
		else {
			this.history.forEachSince(LocalDate.ofEpochDay(from), this::insert);
		}
		// An open alert the new session finds nothing for must still be compared, and
		// resolved.
		this.hits.touch(this.published.resetTo(this.sink.openSignals()));
		fireAndPublish(withdrawn);
		logger.info("Engine session seeded: {} incidents, today {}, retention {} days", this.incidents.size(),
				this.today, this.thresholds.retentionDays());
	}

	private void insert(Incident incident) {
		this.incidents.insert(incident, this.thresholds.lookbackHorizon(this.today));
	}

	/**
	 * {@code withdrawn}: ids of incidents this step deleted or amended; an alert they
	 * held up is retracted.
	 */
	private void fireAndPublish(Set<String> withdrawn) {
		this.session.fireAllRules();
		long horizon = this.thresholds.retentionHorizon(this.today);
		if (this.incidents.holdsBefore(horizon)) {
			// Older than every counting window: the rules have taken what they keep of
			// them.
			this.incidents.expireBefore(horizon);
			this.session.fireAllRules();
		}
		this.incidents.forgetBefore(this.thresholds.lookbackHorizon(this.today));
		List<SignalChange> changes = this.published.changes(this.hits.touched(), this.hits::signal, withdrawn);
		if (!changes.isEmpty()) {
			// Told first, remembered after: if the sink fails, the same keys are compared
			// again next time.
			this.sink.apply(this.today, changes);
			this.published.told(changes);
		}
		this.hits.published();
		if (this.memory.takeChanged()) {
			this.store.save(this.memory.export(this.rules.kieBase()));
		}
	}

}
