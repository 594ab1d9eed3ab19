package org.harbinger.threshold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import jakarta.annotation.PreDestroy;

import org.harbinger.alert.TransitionKind;
import org.harbinger.backtest.BacktestTransition;
import org.harbinger.backtest.ChangeReplay;
import org.harbinger.backtest.CompactIncidents;
import org.harbinger.engine.EngineHost;
import org.harbinger.engine.InForce;
import org.harbinger.engine.RulesInForce;
import org.harbinger.engine.Severity;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentRepository;
import org.harbinger.incident.IncidentsVersion;
import org.harbinger.system.ConfigAudit;
import org.harbinger.system.ConfigChangeRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * What proposed threshold values would have done: the stored incidents of the last N days
 * (to the engine's Today) are backtested with the values in force and with the proposed
 * ones, and the alerts that would open or close differently are listed. Writes nothing.
 * The run with the values in force is kept, with the incidents it read, until the stored
 * incidents, the rules or the values change: an administrator trying one value after
 * another pays for it once. The proposed run replays only the indicators the change can
 * affect ({@link ChangeReplay}), and equals a full backtest with the proposed values.
 * Opening the thresholds page starts that run in the background ({@link #warm}), so the
 * first preview an administrator asks for, once they have chosen values, finds it kept.
 */
@Service
class ThresholdPreview {

	private static final Logger logger = LoggerFactory.getLogger(ThresholdPreview.class);

	static final int MAX_DAYS = 3650;

	private final ThresholdChanges changes;

	private final RulesInForce rules;

	private final EngineHost engine;

	private final IncidentRepository incidents;

	private final IncidentsVersion version;

	/** The last run with the values in force, and what it depended on. */
	private Kept kept;

	private final ExecutorService warming = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "harbinger-preview");
		thread.setDaemon(true);
		return thread;
	});

	/** Set while a warm-up is queued or running: pages opened meanwhile add none. */
	private final AtomicBoolean warmingUp = new AtomicBoolean();

	ThresholdPreview(ThresholdChanges changes, RulesInForce rules, EngineHost engine, IncidentRepository incidents,
			IncidentsVersion version) {
		this.changes = changes;
		this.rules = rules;
		this.engine = engine;
		this.incidents = incidents;
		this.version = version;
	}

	/**
	 * What a run with the values in force depends on: its days, the rules and values, the
	 * stored incidents as of a count of their changes, and the first day read.
	 */
	private record Stamp(LocalDate from, LocalDate to, InForce inForce, IncidentsVersion.Stamp incidents,
			LocalDate since) {
	}

	private record Kept(Stamp stamp, ChangeReplay run, int incidents) {
	}

	/**
	 * An alert (indicator, scope) and what a run did with it: first date, highest
	 * severity.
	 */
	record AlertOutcome(String indicator, String scope, LocalDate date, Severity severity) {
	}

	/** An alert that opens in both runs at a different highest severity. */
	record SeverityChange(String indicator, String scope, Severity current, Severity proposed) {
	}

	record Result(LocalDate from, LocalDate to, int incidents, List<ConfigAudit.Change> changes,
			List<AlertOutcome> wouldOpen, List<AlertOutcome> wouldNoLongerOpen, List<AlertOutcome> wouldClose,
			List<AlertOutcome> wouldNoLongerClose, List<SeverityChange> severityChanges,
			List<BacktestTransition> current, List<BacktestTransition> proposed) {
	}

	Result preview(Map<String, ?> values, int days) {
		if (days < 1 || days > MAX_DAYS) {
			throw ConfigChangeRefused.of("days", "expected 1 to " + MAX_DAYS + " days, not " + days);
		}
		ThresholdSet proposedValues = this.changes.propose(values).next();
		InForce inForce = this.rules.now();
		ThresholdSet currentValues = inForce.thresholds();
		Kept kept = kept(stamp(inForce, days, proposedValues));
		LocalDate from = kept.stamp().from();
		LocalDate to = kept.stamp().to();
		List<BacktestTransition> current = kept.run().inForce();
		List<BacktestTransition> proposed = kept.run().with(proposedValues);
		Map<String, AlertOutcome> openedNow = outcomes(current, (kind) -> kind == TransitionKind.FIRED);
		Map<String, AlertOutcome> openedThen = outcomes(proposed, (kind) -> kind == TransitionKind.FIRED);
		Map<String, AlertOutcome> closedNow = outcomes(current, ThresholdPreview::isEnd);
		Map<String, AlertOutcome> closedThen = outcomes(proposed, ThresholdPreview::isEnd);
		List<SeverityChange> severities = openedThen.keySet()
			.stream()
			.filter(openedNow::containsKey)
			.filter((key) -> !Objects.equals(highest(current, key), highest(proposed, key)))
			.map((key) -> new SeverityChange(openedThen.get(key).indicator(), openedThen.get(key).scope(),
					highest(current, key), highest(proposed, key)))
			.toList();
		return new Result(from, to, kept.incidents(), ThresholdChanges.differences(currentValues, proposedValues),
				missingFrom(openedThen, openedNow), missingFrom(openedNow, openedThen),
				missingFrom(closedThen, closedNow), missingFrom(closedNow, closedThen), severities, current, proposed);
	}

	/**
	 * Starts the run with the values in force over the last {@code days} days on a thread
	 * of its own, unless one is already on its way: for a preview of values that look no
	 * further back than those in force. An administrator opening the page costs one
	 * backtest's processor time and the kept run's heap even when no preview follows.
	 */
	void warm(int days) {
		if (days < 1 || days > MAX_DAYS || !this.warmingUp.compareAndSet(false, true)) {
			return;
		}
		try {
			this.warming.execute(() -> {
				try {
					InForce inForce = this.rules.now();
					kept(stamp(inForce, days, inForce.thresholds()));
				}
				catch (RuntimeException ex) {
					// The preview itself runs it again, and reports what fails.
					logger.info("Threshold preview: the run with the values in force was not prepared: {}",
							ex.toString());
				}
				finally {
					this.warmingUp.set(false);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the page still answers.
			this.warmingUp.set(false);
		}
	}

	/** Whether a preview of the last {@code days} days would find its run kept. */
	synchronized boolean keeps(int days) {
		InForce inForce = this.rules.now();
		return this.kept != null && this.kept.stamp().equals(stamp(inForce, days, inForce.thresholds()));
	}

	@PreDestroy
	void stop() {
		this.warming.shutdownNow();
	}

	/**
	 * What a preview of the last {@code days} days to the engine's Today depends on. Both
	 * runs read the same incidents, as far back as either values look: the proposed run
	 * equals a full backtest of them. Stamped before reading: a change committed
	 * meanwhile makes the next preview run again.
	 */
	private Stamp stamp(InForce inForce, int days, ThresholdSet proposed) {
		LocalDate to = this.engine.today();
		LocalDate from = to.minusDays(days - 1L);
		LocalDate since = from.minusDays(Math.max(inForce.thresholds().lookbackDays(), proposed.lookbackDays()));
		return new Stamp(from, to, inForce, this.version.now(), since);
	}

	/**
	 * The run with the values in force for this stamp: the one kept, else a new one, kept
	 * with the incidents it read (a next preview reads no database) until the incidents,
	 * rules, values or days change.
	 */
	private synchronized Kept kept(Stamp stamp) {
		if (this.kept == null || !this.kept.stamp().equals(stamp)) {
			// The old run and its incidents go before the new ones are read.
			this.kept = null;
			List<Incident> stored = new ArrayList<>();
			this.incidents.forEachSince(stamp.since(), new CompactIncidents(stored::add));
			this.kept = new Kept(stamp, new ChangeReplay(stamp.inForce().rules(), stamp.inForce().thresholds(), stored,
					stamp.from(), stamp.to()), stored.size());
		}
		return this.kept;
	}

	/** Per alert, the first transition of these kinds. */
	private static Map<String, AlertOutcome> outcomes(List<BacktestTransition> transitions,
			Predicate<TransitionKind> kinds) {
		Map<String, AlertOutcome> outcomes = new LinkedHashMap<>();
		for (BacktestTransition transition : transitions) {
			if (kinds.test(transition.transition())) {
				outcomes.putIfAbsent(key(transition), new AlertOutcome(transition.indicator(), transition.scope(),
						transition.date(), highest(transitions, key(transition))));
			}
		}
		return outcomes;
	}

	private static List<AlertOutcome> missingFrom(Map<String, AlertOutcome> these, Map<String, AlertOutcome> others) {
		return these.entrySet()
			.stream()
			.filter((entry) -> !others.containsKey(entry.getKey()))
			.map(Map.Entry::getValue)
			.sorted(Comparator.comparing(AlertOutcome::indicator).thenComparing(AlertOutcome::scope))
			.toList();
	}

	private static Severity highest(List<BacktestTransition> transitions, String key) {
		return transitions.stream()
			.filter((transition) -> key(transition).equals(key) && !isEnd(transition.transition()))
			.map(BacktestTransition::severity)
			.max(Comparator.naturalOrder())
			.orElse(null);
	}

	private static boolean isEnd(TransitionKind kind) {
		return kind == TransitionKind.RESOLVED || kind == TransitionKind.RETRACTED;
	}

	private static String key(BacktestTransition transition) {
		return transition.indicator() + "\u0000" + transition.scope();
	}

}
