package org.harbinger.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.harbinger.engine.HitHistory;
import org.harbinger.engine.RuleBase;
import org.harbinger.engine.RuleDependencies;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.incident.Incident;

/**
 * A backtest with the values in force, kept with the hits it held day by day, that
 * answers what other values would have done by replaying only the indicators a change can
 * affect: those whose rules read a changed key and those that read their hits or facts
 * ({@link RuleDependencies}). The hits the replayed rules read of the others are stated
 * from this run, step by step, so the replayed rules see what they would see in a full
 * backtest with the other values: the others' rules read no changed key and nothing the
 * changed ones make, so they make the same hits. Its answer therefore equals a full
 * backtest, transition for transition (ChangeReplayTests).
 */
public final class ChangeReplay {

	private static final Comparator<BacktestTransition> ORDER = Comparator.comparing(BacktestTransition::date)
		.thenComparing(BacktestTransition::indicator)
		.thenComparing(BacktestTransition::scope);

	private final RuleBase rules;

	private final ThresholdSet inForce;

	private final Collection<Incident> incidents;

	private final LocalDate from;

	private final LocalDate to;

	private final HitHistory hits = new HitHistory();

	private final List<BacktestTransition> transitions;

	/**
	 * Backtests {@code incidents} from {@code from} to {@code to} with the values in
	 * force, noting the hits held after each step.
	 */
	public ChangeReplay(RuleBase rules, ThresholdSet inForce, Collection<Incident> incidents, LocalDate from,
			LocalDate to) {
		this.rules = rules;
		this.inForce = inForce;
		this.incidents = incidents;
		this.from = from;
		this.to = to;
		this.transitions = new Backtest(rules, inForce).run(incidents, from, to, this.hits);
	}

	/** The transitions with the values in force. */
	public List<BacktestTransition> inForce() {
		return this.transitions;
	}

	/**
	 * The transitions a full backtest of the same incidents and days would make with
	 * {@code values}.
	 */
	public List<BacktestTransition> with(ThresholdSet values) {
		RuleDependencies dependencies = this.rules.dependencies();
		List<String> changed = values.values()
			.keySet()
			.stream()
			.filter((key) -> !Objects.equals(values.values().get(key), this.inForce.values().get(key)))
			.toList();
		Set<String> affected = dependencies.affectedBy(dependencies.reading(changed));
		if (affected.isEmpty()) {
			return this.transitions;
		}
		Set<String> running = dependencies.runWith(affected);
		List<BacktestTransition> replayed = new Backtest(this.rules.only(running), values).run(this.incidents,
				this.from, this.to, this.hits, dependencies.hitsReadBy(running));
		// A day's transitions come in alert key order (indicator, then scope), as the
		// engine publishes them.
		List<BacktestTransition> merged = new ArrayList<>();
		this.transitions.stream().filter((t) -> !affected.contains(t.indicator())).forEach(merged::add);
		replayed.stream().filter((t) -> affected.contains(t.indicator())).forEach(merged::add);
		merged.sort(ORDER);
		return List.copyOf(merged);
	}

}
