package org.harbinger.engine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.harbinger.backtest.TransitionLog;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentKey;
import org.harbinger.system.EditableFiles;
import org.harbinger.threshold.ThresholdsFile;

/**
 * A real engine on the real rules/ and config/thresholds.yml, with incidents kept in a
 * list instead of the database and transitions written to a log: the alert logic without
 * Spring, for fast rule tests.
 */
final class EngineHarness implements AutoCloseable {

	static final RuleBase RULES = RuleBase.compile(EditableFiles.list(Path.of("rules"), "rules", "drl"));

	private final List<Incident> stored = new CopyOnWriteArrayList<>();

	private final TransitionLog log = new TransitionLog(LocalDate.MIN);

	private final Engine engine;

	private EngineHarness(LocalDate today, ThresholdSet thresholds) {
		this(today, RULES, thresholds);
	}

	private EngineHarness(LocalDate today, RuleBase rules, ThresholdSet thresholds) {
		this.engine = Engine.start(rules, thresholds, today, new History(), this.log);
	}

	static EngineHarness start(LocalDate today) {
		return new EngineHarness(today, thresholds(Map.of()));
	}

	static EngineHarness start(LocalDate today, Map<String, Object> overrides) {
		return new EngineHarness(today, thresholds(overrides));
	}

	/** An engine on other rules, for the reload tests. */
	static EngineHarness start(LocalDate today, RuleBase rules, ThresholdSet thresholds) {
		return new EngineHarness(today, rules, thresholds);
	}

	/** The shipped config/thresholds.yml with some values replaced. */
	static ThresholdSet thresholds(Map<String, Object> overrides) {
		ThresholdSet shipped = ThresholdsFile.read(EditableFiles.read(Path.of("config"), "config", "thresholds.yml"),
				RULES.thresholdSchema());
		Map<String, Object> values = new HashMap<>(shipped.values());
		values.putAll(overrides);
		return ThresholdSet.of(values, RULES.thresholdSchema());
	}

	Engine engine() {
		return this.engine;
	}

	/** This engine behind the face the service's modules use, as on a single node. */
	EngineHost host(RuleBase rules, ThresholdSet thresholds) {
		EngineHost host = new EngineHost((inForce, values, today, sink, store) -> this.engine,
				new ClockProperties(ZoneOffset.UTC, this.engine.currentDay()), rules, thresholds, this.log,
				MemoryStore.inMemory());
		host.lead();
		return host;
	}

	void record(Incident... incidents) {
		recordLater(incidents).join();
	}

	/**
	 * Stores the incidents (the database first) and hands them to the engine without
	 * waiting.
	 */
	synchronized CompletableFuture<Void> recordLater(Incident... incidents) {
		List<IncidentKey> amended = new ArrayList<>();
		for (Incident incident : incidents) {
			if (this.stored.removeIf((stored) -> stored.key().equals(incident.key()))) {
				amended.add(incident.key());
			}
			this.stored.add(incident);
		}
		return this.engine.record(new IncidentChanges(Arrays.asList(incidents), amended, List.of()));
	}

	/** Deletes an incident from the store and the engine. */
	void delete(IncidentKey key) {
		this.stored.removeIf((incident) -> incident.key().equals(key));
		this.engine.record(new IncidentChanges(List.of(), List.of(), List.of(key))).join();
	}

	void advanceTo(LocalDate date) {
		this.engine.advanceTo(date).join();
	}

	/** Open alerts now. */
	Map<AlertKey, Signal> open() {
		this.engine.today();
		return this.log.openSignals();
	}

	/** Open alerts of one indicator now: an incident may trip other indicators too. */
	Map<AlertKey, Signal> open(String indicator) {
		Map<AlertKey, Signal> open = new HashMap<>(open());
		open.keySet().removeIf((key) -> !key.indicator().equals(indicator));
		return open;
	}

	Optional<Signal> open(String indicator, String scope) {
		return Optional.ofNullable(open().get(new AlertKey(indicator, scope)));
	}

	/** Every transition so far, as "date indicator scope SEVERITY KIND". */
	List<String> transitions() {
		this.engine.today();
		return this.log.transitions()
			.stream()
			.map((t) -> t.date() + " " + t.indicator() + " " + t.scope() + " " + t.severity() + " " + t.transition())
			.toList();
	}

	/** The transitions of one indicator so far. */
	List<String> transitions(String indicator) {
		return transitions().stream().filter((transition) -> transition.split(" ")[1].equals(indicator)).toList();
	}

	@Override
	public void close() {
		this.engine.close();
	}

	private final class History implements IncidentHistory {

		@Override
		public Optional<LocalDate> firstEventDate() {
			return EngineHarness.this.stored.stream().map(Incident::eventDate).min(LocalDate::compareTo);
		}

		@Override
		public void forEachSince(LocalDate from, Consumer<Incident> action) {
			EngineHarness.this.stored.stream()
				.filter((incident) -> !incident.eventDate().isBefore(from))
				.forEach(action);
		}

	}

}
