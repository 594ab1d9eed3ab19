package org.harbinger.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.harbinger.engine.Engine;
import org.harbinger.engine.HitHistory;
import org.harbinger.engine.IncidentChanges;
import org.harbinger.engine.IncidentHistory;
import org.harbinger.engine.RuleBase;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentKey;

/**
 * The engine on a simulated clock (docs/architecture.md, decision 8): the same rules,
 * thresholds and alert lifecycle as the service; only the clock and the sink differ. Each
 * incident reaches the engine on the day it became known (its ACLED timestamp when later
 * than its event date), so the replay shows what analysts would have known then. What
 * arrived before {@code from} is history: it fills baselines but emits nothing.
 */
public final class Backtest {

	private final RuleBase rules;

	private final ThresholdSet thresholds;

	public Backtest(RuleBase rules, ThresholdSet thresholds) {
		this.rules = rules;
		this.thresholds = thresholds;
	}

	/**
	 * The day an incident reached the desk: its ACLED timestamp's date when later than
	 * the event.
	 */
	static LocalDate arrival(Incident incident) {
		if (incident.timestamp() == null) {
			return incident.eventDate();
		}
		LocalDate recorded = LocalDate.ofEpochDay(Math.floorDiv(incident.timestamp(), 86_400L));
		return recorded.isAfter(incident.eventDate()) ? recorded : incident.eventDate();
	}

	/**
	 * Replays the incidents and returns every transition dated {@code from} to
	 * {@code to}.
	 */
	public List<BacktestTransition> run(Collection<Incident> incidents, LocalDate from, LocalDate to) {
		return run(incidents, from, to, new Steps());
	}

	/**
	 * As {@link #run(Collection, LocalDate, LocalDate)}, noting in {@code hits} the hits
	 * held after each step: what a replay of part of the rules states for the rest
	 * ({@link ChangeReplay}).
	 */
	public List<BacktestTransition> run(Collection<Incident> incidents, LocalDate from, LocalDate to, HitHistory hits) {
		return run(incidents, from, to, new Steps() {

			@Override
			void started(Engine engine) {
				engine.noteHits(hits);
			}

			@Override
			void after(Engine engine) {
				engine.noteHits(hits);
			}

		});
	}

	/**
	 * As {@link #run(Collection, LocalDate, LocalDate)}, with the hits of the
	 * {@code stated} indicators taken step by step from a run that noted them in
	 * {@code hits} over the same incidents and days, rather than from rules.
	 */
	List<BacktestTransition> run(Collection<Incident> incidents, LocalDate from, LocalDate to, HitHistory hits,
			Set<String> stated) {
		return run(incidents, from, to, new Steps() {

			private int step;

			@Override
			void started(Engine engine) {
				// The start's hits, seen on the eve as the recorded run saw them.
				engine.stateHits(hits, this.step++, stated);
				engine.record(IncidentChanges.none()).join();
			}

			@Override
			void before(Engine engine) {
				engine.stateHits(hits, this.step++, stated);
			}

		});
	}

	private List<BacktestTransition> run(Collection<Incident> incidents, LocalDate from, LocalDate to, Steps steps) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("--to " + to + " is before --from " + from);
		}
		Map<LocalDate, List<Incident>> byArrival = new HashMap<>();
		List<Incident> history = new ArrayList<>();
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
		}
		TransitionLog recorder = new TransitionLog(from);
		Known known = new Known();
		// The state on a day depends only on the facts and the clock, so history is
		// loaded in one step at the eve of the period rather than replayed day by day.
		try (Engine engine = Engine.start(this.rules, this.thresholds, from.minusDays(1), known, recorder)) {
			steps.started(engine);
			history.sort(Comparator.comparing(Backtest::arrival));
			steps.before(engine);
			if (!history.isEmpty()) {
				engine.record(known.take(history)).join();
			}
			steps.after(engine);
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				steps.before(engine);
				engine.advanceTo(day, known.take(byArrival.getOrDefault(day, List.of()))).join();
				steps.after(engine);
			}
			// Waits for the hits noted after the last day, queued behind it.
			engine.today();
		}
		return recorder.transitions();
	}

	/** What a run does besides replaying: note or state hits around its steps. */
	private static class Steps {

		void started(Engine engine) {
		}

		void before(Engine engine) {
		}

		void after(Engine engine) {
		}

	}

	/**
	 * One step of a recorded stream: the clock moved to {@code day}, then incidents
	 * arrived, were amended (a key known before) or deleted; thresholds or rules, when
	 * given, were put in force first.
	 */
	public record Step(LocalDate day, List<Incident> upserts, List<IncidentKey> deletions, ThresholdSet thresholds,
			RuleBase rules) {

		public Step {
			upserts = List.copyOf(upserts);
			deletions = List.copyOf(deletions);
		}

		public static Step clock(LocalDate day) {
			return new Step(day, List.of(), List.of(), null, null);
		}

	}

	/**
	 * Replays a stream step by step from {@code start}, with nothing known before it:
	 * what the service would have said at each step, for comparing with what it did say.
	 */
	public List<BacktestTransition> replay(LocalDate start, List<Step> steps) {
		TransitionLog recorder = new TransitionLog(start);
		Known known = new Known();
		RuleBase inForce = this.rules;
		ThresholdSet values = this.thresholds;
		try (Engine engine = Engine.start(inForce, values, start, known, recorder)) {
			for (Step step : steps) {
				if (step.rules() != null) {
					inForce = step.rules();
					values = (step.thresholds() != null) ? step.thresholds() : values;
					engine.useRules(inForce, values).join();
				}
				else if (step.thresholds() != null) {
					values = step.thresholds();
					engine.useThresholds(values).join();
				}
				IncidentChanges changes = known.take(step.upserts());
				engine
					.advanceTo(step.day(),
							new IncidentChanges(changes.upserts(), changes.amended(), known.delete(step.deletions())))
					.join();
			}
		}
		return recorder.transitions();
	}

	/**
	 * The incidents known so far, as the engine's store: a rebuild (after an amendment,
	 * or the clock moved back) reads exactly what the service's database would hold then.
	 */
	private static final class Known implements IncidentHistory {

		private final Map<IncidentKey, Incident> incidents = new HashMap<>();

		/**
		 * Today's arrivals as changes: a report equal to the one known changes nothing,
		 * another version amends it.
		 */
		IncidentChanges take(List<Incident> arrivals) {
			List<Incident> upserts = new ArrayList<>();
			List<IncidentKey> amended = new ArrayList<>();
			for (Incident incident : arrivals) {
				Incident before = this.incidents.put(incident.key(), incident);
				if (incident.equals(before)) {
					continue;
				}
				if (before != null) {
					amended.add(incident.key());
				}
				upserts.add(incident);
			}
			return new IncidentChanges(upserts, amended, List.of());
		}

		/** The keys among {@code keys} that were known, now deleted. */
		List<IncidentKey> delete(List<IncidentKey> keys) {
			return keys.stream().filter((key) -> this.incidents.remove(key) != null).toList();
		}

		@Override
		public Optional<LocalDate> firstEventDate() {
			return this.incidents.values().stream().map(Incident::eventDate).min(Comparator.naturalOrder());
		}

		@Override
		public void forEachSince(LocalDate since, Consumer<Incident> action) {
			this.incidents.values()
				.stream()
				.filter((incident) -> !incident.eventDate().isBefore(since))
				.sorted(Comparator.comparing(Incident::eventDate))
				.forEach(action);
		}

	}

}
