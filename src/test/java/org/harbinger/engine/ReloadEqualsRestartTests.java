package org.harbinger.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.harbinger.IncidentStream;
import org.harbinger.TestIncidents;
import org.harbinger.backtest.Backtest;
import org.harbinger.backtest.BacktestTransition;
import org.harbinger.backtest.TransitionLog;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentKey;
import org.harbinger.system.EditableFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule reload seeds its new session from the incidents the old session has seen since
 * the lookback horizon, not from the database; that session must be the very one a
 * restart on the new rules seeds from the database (docs/architecture.md, "One truth"),
 * and so must every transition after it. Two engines live the same random stream (late
 * reports, amendments, deletions, the clock moving back, a threshold change) on one
 * store; at checkpoints one reloads its rules, the other restarts on them, after a report
 * dated between the lookback and retention horizons, which passes through the session and
 * leaves it at once.
 */
class ReloadEqualsRestartTests {

	private static final LongConsumer UNTIMED = (nanos) -> {
	};

	/** Longer than the retention window (180 days), so incidents pass it. */
	private static final int DAYS = 300;

	private static final int ROWS = 4000;

	private static final RuleBase RECOMPILED = RuleBase.compile(EditableFiles.list(Path.of("rules"), "rules", "drl"));

	@Test
	void aReloadedSessionIsTheSessionARestartOnTheNewRulesSeedsFromTheDatabase() {
		ThresholdSet thresholds = EngineHarness.thresholds(Map.of());
		IncidentStream stream = IncidentStream.generate(1, DAYS, ROWS, thresholds, RECOMPILED);
		Map<IncidentKey, Incident> stored = new HashMap<>();
		Live reloading = new Live(stream.start(), thresholds, stored, false);
		Live restarting = new Live(stream.start(), thresholds, stored, true);
		int checkpoints = 0;
		int sightingsPassed = 0;
		try {
			for (int index = 0; index < stream.steps().size(); index++) {
				Backtest.Step step = stream.steps().get(index);
				if (step.rules() != null || step.thresholds() != null) {
					reloading.swap(step.rules(), step.thresholds());
					restarting.swap(step.rules(), step.thresholds());
				}
				if (index % 60 == 59 && step.day().isAfter(stream.start().plusDays(200))) {
					Incident late = TestIncidents.builder("late-" + index, step.day().minusDays(250), "Afghanistan")
						.actor1("Islamic State (Afghanistan)", "ISKP")
						.admin1("Late " + index)
						.type("Explosions/Remote violence", "Remote explosive/landmine/IED")
						.build();
					record(List.of(late), List.of(), stored, reloading, restarting);
					RuleBase next = (checkpoints % 2 == 0) ? RECOMPILED : EngineHarness.RULES;
					reloading.swap(next, null);
					restarting.swap(next, null);
					List<String> session = reloading.session();
					assertThat(session).as("the session after reload %d", checkpoints)
						.containsExactlyElementsOf(restarting.session());
					sightingsPassed += sightingsBefore(session, step.day().minusDays(180));
					checkpoints++;
				}
				reloading.advanceTo(step.day());
				restarting.advanceTo(step.day());
				record(step.upserts(), step.deletions(), stored, reloading, restarting);
			}
		}
		finally {
			reloading.engine.close();
			restarting.engine.close();
		}
		assertThat(checkpoints).as("reloads compared").isGreaterThanOrEqualTo(3);
		assertThat(sightingsPassed).as("sightings of incidents past the retention window").isPositive();
		assertThat(reloading.sink.transitions()).as("the stream raises alerts").isNotEmpty();
		assertThat(reloading.sink.transitions()).containsExactlyElementsOf(restarting.sink.transitions());
	}

	/** Stores a step's changes once and gives them to both engines. */
	private static void record(List<Incident> upserts, List<IncidentKey> deletions, Map<IncidentKey, Incident> stored,
			Live... engines) {
		List<IncidentKey> amended = upserts.stream().map(Incident::key).filter(stored::containsKey).toList();
		List<Incident> changed = upserts.stream()
			.filter((incident) -> !incident.equals(stored.get(incident.key())))
			.toList();
		List<IncidentKey> deleted = deletions.stream().filter(stored::containsKey).toList();
		changed.forEach((incident) -> stored.put(incident.key(), incident));
		deleted.forEach(stored::remove);
		if (!changed.isEmpty() || !deleted.isEmpty()) {
			for (Live live : engines) {
				live.engine.record(new IncidentChanges(changed, amended, deleted)).join();
			}
		}
	}

	/**
	 * new-province's sightings older than {@code before}: only passed incidents leave
	 * them.
	 */
	private static int sightingsBefore(List<String> session, LocalDate before) {
		return (int) session.stream()
			.filter((fact) -> fact.startsWith("ProvinceSighting"))
			.filter((fact) -> Long.parseLong(fact.replaceAll(".*day=(-?\\d+).*", "$1")) < before.toEpochDay())
			.count();
	}

	/** One engine on the shared store, with its own alerts and memory. */
	private static final class Live {

		private final IncidentHistory history;

		private final TransitionLog sink;

		private final MemoryStore memory = MemoryStore.inMemory();

		private final boolean restarts;

		private RuleBase rules = EngineHarness.RULES;

		private ThresholdSet thresholds;

		private LocalDate today;

		private Engine engine;

		Live(LocalDate start, ThresholdSet thresholds, Map<IncidentKey, Incident> stored, boolean restarts) {
			this.history = new IncidentHistory() {
				@Override
				public Optional<LocalDate> firstEventDate() {
					return stored.values().stream().map(Incident::eventDate).min(LocalDate::compareTo);
				}

				@Override
				public void forEachSince(LocalDate from, Consumer<Incident> action) {
					stored.values()
						.stream()
						.filter((incident) -> !incident.eventDate().isBefore(from))
						.sorted((a, b) -> a.eventDate().compareTo(b.eventDate()))
						.forEach(action);
				}
			};
			this.sink = new TransitionLog(start);
			this.thresholds = thresholds;
			this.today = start;
			this.restarts = restarts;
			this.engine = Engine.start(this.rules, thresholds, start, this.history, this.sink, this.memory, UNTIMED);
		}

		/** New rules (or values, when rules is null) by reload, or by restart. */
		void swap(RuleBase next, ThresholdSet values) {
			if (next == null) {
				this.thresholds = values;
				this.engine.useThresholds(values).join();
				return;
			}
			this.rules = next;
			this.thresholds = (values != null) ? values : this.thresholds;
			if (this.restarts) {
				this.engine.close();
				this.engine = Engine.start(next, this.thresholds, this.today, this.history, this.sink, this.memory,
						UNTIMED);
			}
			else {
				this.engine.useRules(next, this.thresholds).join();
			}
		}

		void advanceTo(LocalDate day) {
			if (!day.equals(this.today)) {
				this.today = day;
				this.engine.advanceTo(day).join();
			}
		}

		/** The session's facts, each described by its values, sorted. */
		List<String> session() {
			return this.engine.facts().stream().map(Live::describe).sorted().toList();
		}

		private static String describe(Object fact) {
			if (fact.getClass().isRecord() || overridesToString(fact.getClass())) {
				return fact.toString();
			}
			List<String> fields = new ArrayList<>();
			for (Class<?> type = fact.getClass(); type != Object.class; type = type.getSuperclass()) {
				for (Field field : type.getDeclaredFields()) {
					if (!Modifier.isStatic(field.getModifiers())) {
						field.setAccessible(true);
						fields.add(field.getName() + "=" + value(field, fact));
					}
				}
			}
			return fact.getClass().getSimpleName() + fields.stream().collect(Collectors.joining(", ", "(", ")"));
		}

		private static boolean overridesToString(Class<?> type) {
			try {
				return type.getMethod("toString").getDeclaringClass() != Object.class;
			}
			catch (NoSuchMethodException ex) {
				return false;
			}
		}

		private static String value(Field field, Object fact) {
			try {
				Object value = field.get(fact);
				return (value instanceof Object[] array) ? Arrays.deepToString(array) : String.valueOf(value);
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
