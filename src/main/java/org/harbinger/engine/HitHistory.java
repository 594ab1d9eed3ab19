package org.harbinger.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * The indicator hits a run held after each of its steps, kept as what came and went per
 * step (a few changes a day against thousands held). A later run of part of the rules
 * states the hits of the indicators it does not run, step by step, so the rules it runs
 * see exactly what they saw in this run (backtest.ChangeReplay).
 */
@NamedInterface("replay")
public final class HitHistory {

	/** What came and went in one step. */
	record Change(List<IndicatorHit> added, List<IndicatorHit> removed) {

		static final Change NONE = new Change(List.of(), List.of());

	}

	private final List<Change> steps = new ArrayList<>();

	/** Hits are equal by identity only, so the sets compare identities. */
	private Set<IndicatorHit> held = Collections.newSetFromMap(new IdentityHashMap<>());

	/** Notes the hits held at the end of the next step. */
	void add(List<IndicatorHit> now) {
		Set<IndicatorHit> next = Collections.newSetFromMap(new IdentityHashMap<>());
		next.addAll(now);
		List<IndicatorHit> added = now.stream().filter((hit) -> !this.held.contains(hit)).toList();
		List<IndicatorHit> removed = this.held.stream().filter((hit) -> !next.contains(hit)).toList();
		this.steps.add((added.isEmpty() && removed.isEmpty()) ? Change.NONE : new Change(added, removed));
		this.held = next;
	}

	/** The number of steps noted. */
	public int steps() {
		return this.steps.size();
	}

	/** What came and went in a step, nothing beyond the steps noted. */
	Change step(int step) {
		return (step < this.steps.size()) ? this.steps.get(step) : Change.NONE;
	}

}
