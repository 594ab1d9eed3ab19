package org.harbinger.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.harbinger.engine.Engine;
import org.harbinger.engine.IncidentHistory;
import org.harbinger.engine.RuleBase;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.incident.Incident;

/**
 * The engine on a simulated clock (docs/architecture.md, decision 8): the same rules, thresholds
 * and alert lifecycle as the service; only the clock and the sink differ. Each incident
 * reaches the engine on the day it became known (its ACLED timestamp when later than its
 * event date), so the replay shows what analysts would have known then. What arrived
 * before {@code from} is history: it fills baselines but emits nothing.
 */
public final class Backtest {

	private final RuleBase rules;

	private final ThresholdSet thresholds;

	public Backtest(RuleBase rules, ThresholdSet thresholds) {
		this.rules = rules;
		this.thresholds = thresholds;
	}

	/** The day an incident reached the desk: its ACLED timestamp's date when later than the event. */
	static LocalDate arrival(Incident incident) {
		if (incident.timestamp() == null) {
			return incident.eventDate();
		}
		LocalDate recorded = LocalDate.ofEpochDay(Math.floorDiv(incident.timestamp(), 86_400L));
		return recorded.isAfter(incident.eventDate()) ? recorded : incident.eventDate();
	}

	/** Replays the incidents and returns every transition dated {@code from} to {@code to}. */
	public List<BacktestTransition> run(Collection<Incident> incidents, LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("--to " + to + " is before --from " + from);
		}
		Map<LocalDate, List<Incident>> byArrival = new HashMap<>();
		List<Incident> history = new ArrayList<>();
		LocalDate first = null;
		for (Incident incident : incidents) {
			LocalDate arrival = arrival(incident);
			if (arrival.isAfter(to)) {
				continue;
			}
			if (arrival.isBefore(from)) {
				history.add(incident);
			}
			else {
				byArrival.computeIfAbsent(arrival, (day) -> new ArrayList<>()).add(incident);
			}
			if (first == null || incident.eventDate().isBefore(first)) {
				first = incident.eventDate();
			}
		}
		TransitionLog recorder = new TransitionLog(from);
		LocalDate firstDay = first;
		IncidentHistory coverage = new IncidentHistory() {
			@Override
			public Optional<LocalDate> firstEventDate() {
				return Optional.ofNullable(firstDay);
			}

			@Override
			public void forEachSince(LocalDate since, Consumer<Incident> action) {
				// A replay only moves forward and is never re-seeded; its facts arrive by record().
			}
		};
		// The state on a day depends only on the facts and the clock, so history is loaded
		// in one step at the eve of the period rather than replayed day by day.
		try (Engine engine = Engine.start(this.rules, this.thresholds, from.minusDays(1), coverage, recorder)) {
			history.sort(Comparator.comparing(Backtest::arrival));
			if (!history.isEmpty()) {
				engine.record(history, List.of()).join();
			}
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				engine.advanceTo(day, byArrival.getOrDefault(day, List.of())).join();
			}
		}
		return recorder.transitions();
	}

}
