package org.harbinger.engine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import org.harbinger.IncidentStream;
import org.harbinger.backtest.Backtest;
import org.harbinger.backtest.BacktestTransition;
import org.harbinger.backtest.TransitionLog;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentKey;
import org.harbinger.system.EditableFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine fed a random stream step by step, stopped and started again from its store
 * at random steps, says exactly what the backtest of the same stream says, transition by
 * transition (docs/architecture.md, "One truth"). The suite runs a few seeds on a few
 * months; any size from one command:
 * {@code ./mvnw test -Dtest=LiveEqualsReplayTests -Dharbinger.differential.seeds=20 -Dharbinger.differential.days=540 -Dharbinger.differential.rows=20000}.
 */
class LiveEqualsReplayTests {

	/** The service times its engine's steps; these engines are timed by no one. */
	private static final java.util.function.LongConsumer UNTIMED = (nanos) -> {
	};

	private static final int DAYS = Integer.getInteger("harbinger.differential.days", 150);

	private static final int ROWS = Integer.getInteger("harbinger.differential.rows", 6000);

	static List<Long> seeds() {
		int count = Integer.getInteger("harbinger.differential.seeds", 3);
		return LongStream.rangeClosed(1, count).boxed().toList();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aRestartedEngineSaysWhatTheBacktestOfTheSameStreamSays(long seed) {
		ThresholdSet thresholds = EngineHarness.thresholds(Map.of());
		RuleBase reloaded = RuleBase.compile(EditableFiles.list(Path.of("rules"), "rules", "drl"));
		IncidentStream stream = IncidentStream.generate(seed, DAYS, ROWS, thresholds, reloaded);

		List<BacktestTransition> replayed = new Backtest(EngineHarness.RULES, thresholds).replay(stream.start(),
				stream.steps());
		List<BacktestTransition> live = live(stream, thresholds);

		System.out.printf("seed %d: %d steps, %d restarts, %d transitions%n", seed, stream.steps().size(),
				stream.restarts().size(), live.size());
		assertThat(replayed).as("the backtest finds alerts to compare").isNotEmpty();
		assertThat(live).containsExactlyElementsOf(replayed);
	}

	/**
	 * The stream as the service lives it: a store, the clock and the batches apart,
	 * restarts.
	 */
	private static List<BacktestTransition> live(IncidentStream stream, ThresholdSet initial) {
		Map<IncidentKey, Incident> stored = new HashMap<>();
		IncidentHistory history = new IncidentHistory() {
			@Override
			public Optional<LocalDate> firstEventDate() {
				return stored.values().stream().map(Incident::eventDate).min(LocalDate::compareTo);
			}

			@Override
			public void forEachSince(LocalDate from, Consumer<Incident> action) {
				stored.values().stream().filter((incident) -> !incident.eventDate().isBefore(from)).forEach(action);
			}
		};
		TransitionLog sink = new TransitionLog(stream.start());
		MemoryStore memory = MemoryStore.inMemory();
		RuleBase rules = EngineHarness.RULES;
		ThresholdSet thresholds = initial;
		LocalDate today = stream.start();
		Engine engine = Engine.start(rules, thresholds, today, history, sink, memory, UNTIMED);
		try {
			for (int index = 0; index < stream.steps().size(); index++) {
				Backtest.Step step = stream.steps().get(index);
				if (stream.restarts().contains(index)) {
					engine.close();
					engine = Engine.start(rules, thresholds, today, history, sink, memory, UNTIMED);
				}
				if (step.rules() != null) {
					rules = step.rules();
					thresholds = (step.thresholds() != null) ? step.thresholds() : thresholds;
					engine.useRules(rules, thresholds).join();
				}
				else if (step.thresholds() != null) {
					thresholds = step.thresholds();
					engine.useThresholds(thresholds).join();
				}
				if (!step.day().equals(today)) {
					today = step.day();
					engine.advanceTo(today).join();
				}
				List<IncidentKey> amended = step.upserts()
					.stream()
					.filter((incident) -> stored.containsKey(incident.key()))
					.map(Incident::key)
					.toList();
				List<Incident> upserts = step.upserts()
					.stream()
					.filter((incident) -> !incident.equals(stored.get(incident.key())))
					.toList();
				List<IncidentKey> deleted = step.deletions().stream().filter(stored::containsKey).toList();
				upserts.forEach((incident) -> stored.put(incident.key(), incident));
				deleted.forEach(stored::remove);
				if (!upserts.isEmpty() || !deleted.isEmpty()) {
					engine.record(new IncidentChanges(upserts, amended, deleted)).join();
				}
			}
		}
		finally {
			engine.close();
		}
		return sink.transitions();
	}

}
