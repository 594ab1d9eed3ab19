package org.harbinger.engine;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.NamedInterface;

/**
 * Where the engine runs (docs/architecture.md, "One engine for the cluster"): on a single
 * node, always; in a cluster, only on the node the database elected, which starts it from
 * the database when elected and stops it when it loses the election. Every other module
 * talks to this face: on a node without the engine, changes are left to the elected one
 * (they are in the database and its change log) and pages read the clock.
 */
@NamedInterface("api")
public class EngineHost implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EngineHost.class);

	/**
	 * Starts an engine on the rules and thresholds in force, writing to the sink and
	 * store given.
	 */
	interface Starter {

		Engine start(RuleBase rules, ThresholdSet thresholds, LocalDate today, SignalSink sink, MemoryStore store);

	}

	private final Starter starter;

	private final ClockProperties clock;

	private final SignalSink sink;

	private final MemoryStore store;

	/** Whether the engine running here writes: false while it is a warm standby. */
	private volatile boolean writes;

	private volatile Engine engine;

	private volatile RuleBase rules;

	private volatile ThresholdSet thresholds;

	EngineHost(Starter starter, ClockProperties clock, RuleBase rules, ThresholdSet thresholds, SignalSink sink,
			MemoryStore store) {
		this.starter = starter;
		this.clock = clock;
		this.sink = sink;
		this.store = store;
		this.rules = rules;
		this.thresholds = thresholds;
	}

	/**
	 * Runs the engine here, writing alerts: a warm standby's engine takes over, or one
	 * starts from the database.
	 */
	synchronized void lead() {
		if (this.writes) {
			return;
		}
		long started = System.nanoTime();
		if (this.engine == null) {
			this.engine = this.starter.start(this.rules, this.thresholds, this.clock.today(), this.sink, this.store);
		}
		else {
			this.engine.publishTo(this.sink, this.store).join();
		}
		this.writes = true;
		logger.info("This node runs the engine (started in {} ms)", (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Keeps an engine here that follows every change but writes nothing (a warm standby),
	 * so that taking over costs a comparison, not a rebuild (docs/cluster.md).
	 */
	synchronized void standBy() {
		if (this.engine == null) {
			this.engine = this.starter.start(this.rules, this.thresholds, this.clock.today(), new ShadowSink(),
					MemoryStore.inMemory());
		}
		else if (this.writes) {
			this.engine.publishTo(new ShadowSink(), MemoryStore.inMemory()).join();
		}
		this.writes = false;
		logger.info("This node keeps a warm standby engine");
	}

	/**
	 * Stops the engine here: another node runs it, or none while the election goes on.
	 */
	synchronized void follow() {
		Engine running = this.engine;
		this.engine = null;
		this.writes = false;
		if (running != null) {
			running.close();
			logger.info("This node no longer runs the engine");
		}
	}

	/** Whether the engine that writes alerts runs on this node. */
	public boolean leads() {
		return this.writes;
	}

	/** Whether an engine runs on this node, writing or standing by. */
	boolean runs() {
		return this.engine != null;
	}

	public CompletableFuture<Void> record(IncidentChanges changes) {
		Engine running = this.engine;
		return (running != null) ? running.record(changes) : CompletableFuture.completedFuture(null);
	}

	public CompletableFuture<Void> advanceTo(LocalDate date) {
		Engine running = this.engine;
		return (running != null) ? running.advanceTo(date) : CompletableFuture.completedFuture(null);
	}

	synchronized CompletableFuture<Void> useRules(RuleBase next, ThresholdSet nextThresholds) {
		Engine running = this.engine;
		CompletableFuture<Void> swapped = (running != null) ? running.useRules(next, nextThresholds)
				: CompletableFuture.completedFuture(null);
		return swapped.thenRun(() -> {
			this.rules = next;
			this.thresholds = nextThresholds;
		});
	}

	synchronized CompletableFuture<Void> useThresholds(ThresholdSet next) {
		Engine running = this.engine;
		this.thresholds = next;
		return (running != null) ? running.useThresholds(next) : CompletableFuture.completedFuture(null);
	}

	/**
	 * Today once everything queued before this call has been evaluated; the clock's date
	 * where no engine runs.
	 */
	public LocalDate today() {
		Engine running = this.engine;
		return (running != null) ? running.today() : this.clock.today();
	}

	/**
	 * Today as the engine last moved it, at once, for pages; the clock's date where no
	 * engine runs.
	 */
	public LocalDate currentDay() {
		Engine running = this.engine;
		return (running != null) ? running.currentDay() : this.clock.today();
	}

	/** The incidents the session holds now; 0 where no engine runs. */
	public int heldIncidents() {
		Engine running = this.engine;
		return (running != null) ? running.heldIncidents() : 0;
	}

	@Override
	public void close() {
		follow();
	}

}
