package org.harbinger.backtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.harbinger.engine.RuleBase;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.ingest.OfflineIngest;
import org.harbinger.system.EditableFiles;
import org.harbinger.threshold.ThresholdsFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule authors' scenario files in rules/tests/, each scenario a test of its own. */
class ScenarioTests {

	private static final RuleBase RULES = RuleBase.compile(EditableFiles.list(Path.of("rules"), "rules", "drl"));

	private static final ThresholdSet THRESHOLDS = ThresholdsFile
		.read(EditableFiles.read(Path.of("config"), "config", "thresholds.yml"), RULES.thresholdSchema());

	private final ScenarioRunner runner = new ScenarioRunner(RULES, THRESHOLDS,
			OfflineIngest.fields(Path.of("config")));

	@TestFactory
	Stream<DynamicTest> everyScenarioMakesExactlyItsExpectedTransitions() {
		return this.runner.scenarios(Path.of("rules/tests"), new ArrayList<>())
			.stream()
			.map((scenario) -> DynamicTest.dynamicTest(scenario.indicator() + ": " + scenario.name(), () -> {
				ScenarioRunner.Result result = this.runner.run(scenario);
				assertThat(result.passed()).as("%s%n%s", scenario.name(), String.join("\n", result.diff())).isTrue();
			}));
	}

	@Test
	void everyIndicatorHasScenariosOfEveryKindItNeeds() {
		List<String> problems = new ArrayList<>();

		this.runner.scenarios(Path.of("rules/tests"), problems);

		assertThat(problems).isEmpty();
	}

	@Test
	void aWrongExpectationFailsWithADiff() {
		Scenario scenario = this.runner.scenarios(Path.of("rules/tests"), new ArrayList<>())
			.stream()
			.filter((s) -> s.indicator().equals("cross-border-fire") && s.covers().contains("fires"))
			.findFirst()
			.orElseThrow();
		Scenario wrong = new Scenario(scenario.file(), scenario.indicator(), scenario.name(), scenario.covers(),
				scenario.from(), scenario.to(), scenario.thresholds(), scenario.incidents(),
				List.of(new Scenario.Expected(scenario.from(), "Uzbekistan", "CRITICAL", "FIRED", null)));

		ScenarioRunner.Result result = this.runner.run(wrong);

		assertThat(result.passed()).isFalse();
		assertThat(result.diff()).containsExactly("- 2022-04-18 Uzbekistan CRITICAL FIRED",
				"+ 2022-04-18 Uzbekistan WARNING FIRED");
	}

	@Test
	void anIndicatorWithoutAScenarioFileIsAProblem(@TempDir Path empty) {
		List<String> problems = new ArrayList<>();

		this.runner.scenarios(empty, problems);

		assertThat(problems).anySatisfy((problem) -> assertThat(problem).contains("'attack-surge' has no scenarios"));
	}

	/**
	 * Issue 20: the TTP's indicator must show the TTP as the target staying silent, not
	 * ISKP.
	 */
	@Test
	void aTtpIndicatorWhoseControlIsIskpsIsAProblem(@TempDir Path tests) throws Exception {
		Files.writeString(tests.resolve("ttp-surge.yaml"), Files.readString(Path.of("rules/tests/ttp-surge.yaml"))
			.replace("covers: [ttp-target]", "covers: [iskp-target]"));
		List<String> problems = new ArrayList<>();

		this.runner.scenarios(tests, problems);

		assertThat(problems).contains("indicator 'ttp-surge': no scenario covers [ttp-target]");
	}

}
