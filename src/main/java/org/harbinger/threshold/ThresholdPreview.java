package org.harbinger.threshold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

import org.harbinger.alert.TransitionKind;
import org.harbinger.backtest.Backtest;
import org.harbinger.backtest.BacktestTransition;
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

import org.springframework.stereotype.Service;

/**
 * What proposed threshold values would have done: the stored incidents of the last N days
 * (to the engine's Today) are backtested with the values in force and with the proposed
 * ones, and the alerts that would open or close differently are listed. Writes nothing.
 * The run with the values in force is kept until the stored incidents, the rules or the
 * values change: an administrator trying one value after another pays for it once.
 */
@Service
class ThresholdPreview {

	static final int MAX_DAYS = 3650;

	private final ThresholdChanges changes;

	private final RulesInForce rules;

	private final EngineHost engine;

	private final IncidentRepository incidents;

	private final IncidentsVersion version;

	/** The last run with the values in force, and what it depended on. */
	private Kept kept;

	ThresholdPreview(ThresholdChanges changes, RulesInForce rules, EngineHost engine, IncidentRepository incidents,
			IncidentsVersion version) {
		this.changes = changes;
		this.rules = rules;
		this.engine = engine;
		this.incidents = incidents;
		this.version = version;
	}

	/**
	 * What a run with the values in force depends on: its days, the rules and values, and
	 * the stored incidents as of a count of their changes.
	 */
	private record Stamp(LocalDate from, LocalDate to, InForce inForce, IncidentsVersion.Stamp incidents) {
	}

	private record Kept(Stamp stamp, List<BacktestTransition> transitions) {
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
		LocalDate to = this.engine.today();
		LocalDate from = to.minusDays(days - 1L);
		// Stamped before reading: a change committed meanwhile makes the next preview run
		// again.
		Stamp stamp = new Stamp(from, to, this.rules.now(), this.version.now());
		ThresholdSet currentValues = stamp.inForce().thresholds();
		Kept before = kept(stamp);
		List<Incident> stored = new ArrayList<>();
		int lookback = (before != null) ? proposedValues.lookbackDays()
				: Math.max(currentValues.lookbackDays(), proposedValues.lookbackDays());
		this.incidents.forEachSince(from.minusDays(lookback), new CompactIncidents(stored::add));
		// The two runs share nothing but the stored incidents, which neither changes:
		// side by side they take the time of one where a second processor is free.
		CompletableFuture<List<BacktestTransition>> proposedRun = CompletableFuture
			.supplyAsync(() -> new Backtest(stamp.inForce().rules(), proposedValues).run(stored, from, to), (task) -> {
				Thread thread = new Thread(task, "harbinger-preview");
				thread.setDaemon(true);
				thread.start();
			});
		List<BacktestTransition> current = (before != null) ? before.transitions()
				: keep(stamp, new Backtest(stamp.inForce().rules(), currentValues).run(stored, from, to));
		List<BacktestTransition> proposed = joined(proposedRun);
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
		return new Result(from, to, stored.size(), ThresholdChanges.differences(currentValues, proposedValues),
				missingFrom(openedThen, openedNow), missingFrom(openedNow, openedThen),
				missingFrom(closedThen, closedNow), missingFrom(closedNow, closedThen), severities, current, proposed);
	}

	private synchronized Kept kept(Stamp stamp) {
		return (this.kept != null && this.kept.stamp().equals(stamp)) ? this.kept : null;
	}

	private synchronized List<BacktestTransition> keep(Stamp stamp, List<BacktestTransition> transitions) {
		this.kept = new Kept(stamp, List.copyOf(transitions));
		return this.kept.transitions();
	}

	private static List<BacktestTransition> joined(CompletableFuture<List<BacktestTransition>> run) {
		try {
			return run.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
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
