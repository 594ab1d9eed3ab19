package org.harbinger.backtest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.harbinger.TestIncidents;
import org.harbinger.engine.RuleBase;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.incident.Incident;
import org.harbinger.ingest.OfflineIngest;
import org.harbinger.system.EditableFiles;
import org.harbinger.threshold.ThresholdsFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 15, item 4: an incident dated after the event-time clock is stored and held, and
 * no rule judges it until Today reaches its day; then it counts like any other.
 */
class BeyondClockTests {

	private static final RuleBase RULES = RuleBase.compile(EditableFiles.list(Path.of("rules"), "rules", "drl"));

	private static final ThresholdSet THRESHOLDS = ThresholdsFile
		.read(EditableFiles.read(Path.of("config"), "config", "thresholds.yml"), RULES.thresholdSchema());

	@Test
	void anIncidentDatedAfterTheClockIsSilentUntilTheClockReachesItsDayAndThenFires() {
		LocalDate termez = LocalDate.of(2022, 4, 18);
		List<Backtest.Step> steps = new ArrayList<>();
		steps.add(new Backtest.Step(termez.minusDays(5),
				List.of(TestIncidents.rocketsFromAfghanistan("UZB2001", termez, "Uzbekistan")), List.of(), null, null));
		for (LocalDate day = termez.minusDays(4); !day.isAfter(termez.plusDays(2)); day = day.plusDays(1)) {
			steps.add(Backtest.Step.clock(day));
		}

		List<BacktestTransition> transitions = new Backtest(RULES, THRESHOLDS).replay(termez.minusDays(5), steps);

		assertThat(transitions)
			.extracting(BacktestTransition::date, BacktestTransition::indicator, BacktestTransition::scope,
					(t) -> t.transition().name())
			.as("nothing before its day; on its day, every indicator it trips")
			.containsExactlyInAnyOrder(tuple(termez, "cross-border-fire", "Uzbekistan", "FIRED"),
					tuple(termez, "external-operations", "Uzbekistan", "FIRED"));
	}

	/**
	 * Every indicator at once: each scenario of rules/tests replayed with its incidents
	 * known the day before its period starts, long before their own dates (late reports
	 * still arrive when they did), makes exactly the transitions it makes when each
	 * arrives on its day.
	 */
	@TestFactory
	Stream<DynamicTest> everyScenarioMakesTheSameTransitionsWhenItsIncidentsAreKnownBeforeTheirDay() {
		ScenarioRunner runner = new ScenarioRunner(RULES, THRESHOLDS, OfflineIngest.fields(Path.of("config")));
		return runner.scenarios(Path.of("rules/tests"), new ArrayList<>())
			.stream()
			.map((scenario) -> DynamicTest.dynamicTest(scenario.indicator() + ": " + scenario.name(), () -> {
				Map<String, Object> values = new HashMap<>(THRESHOLDS.values());
				values.putAll(scenario.thresholds());
				Backtest backtest = new Backtest(RULES, ThresholdSet.of(values, RULES.thresholdSchema()));

				List<String> onTheirDay = lines(backtest.run(scenario.incidents(), scenario.from(), scenario.to()),
						scenario.from());
				List<String> knownEarly = lines(backtest.replay(scenario.from().minusDays(1), knownEarly(scenario)),
						scenario.from());

				assertThat(knownEarly).isEqualTo(onTheirDay);
			}));
	}

	/**
	 * Everything on time known at the eve of the period; late reports on the day they
	 * came.
	 */
	private static List<Backtest.Step> knownEarly(Scenario scenario) {
		LocalDate eve = scenario.from().minusDays(1);
		List<Incident> early = new ArrayList<>();
		Map<LocalDate, List<Incident>> late = new HashMap<>();
		for (Incident incident : scenario.incidents()) {
			LocalDate arrival = Backtest.arrival(incident);
			if (arrival.isAfter(scenario.to())) {
				continue;
			}
			if (arrival.isAfter(incident.eventDate()) && arrival.isAfter(eve)) {
				late.computeIfAbsent(arrival, (day) -> new ArrayList<>()).add(incident);
			}
			else {
				early.add(incident);
			}
		}
		List<Backtest.Step> steps = new ArrayList<>();
		steps.add(new Backtest.Step(eve, early, List.of(), null, null));
		for (LocalDate day = scenario.from(); !day.isAfter(scenario.to()); day = day.plusDays(1)) {
			steps.add(new Backtest.Step(day, late.getOrDefault(day, List.of()), List.of(), null, null));
		}
		return steps;
	}

	private static List<String> lines(List<BacktestTransition> transitions, LocalDate from) {
		return transitions.stream()
			.filter((t) -> !t.date().isBefore(from))
			.map((t) -> t.date() + " " + t.indicator() + " " + t.scope() + " " + t.severity() + " " + t.transition()
					+ " " + t.evidence())
			.toList();
	}

}
