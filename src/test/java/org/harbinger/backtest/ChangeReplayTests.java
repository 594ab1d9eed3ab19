package org.harbinger.backtest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.harbinger.engine.RuleBase;
import org.harbinger.engine.RuleDependencies;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.incident.Incident;
import org.harbinger.ingest.OfflineIngest;
import org.harbinger.system.EditableFiles;
import org.harbinger.threshold.ThresholdsFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One truth for the threshold preview: a change replayed over only the indicators it can
 * affect, with the others' hits stated from the run with the values in force, makes
 * exactly the transitions of a full backtest with the changed values. Over the demo data
 * set, whose real events trip every indicator.
 */
class ChangeReplayTests {

	private static final RuleBase RULES = RuleBase.compile(EditableFiles.list(Path.of("rules"), "rules", "drl"));

	private static final ThresholdSet IN_FORCE = ThresholdsFile
		.read(EditableFiles.read(Path.of("config"), "config", "thresholds.yml"), RULES.thresholdSchema());

	private static final LocalDate FROM = LocalDate.of(2022, 1, 1);

	private static final LocalDate TO = LocalDate.of(2024, 6, 30);

	private static final List<Incident> incidents = new ArrayList<>();

	private static ChangeReplay replay;

	@BeforeAll
	static void runTheDemoWithTheValuesInForce() throws IOException {
		try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/demo/acled-demo.csv"))) {
			OfflineIngest.read(in, OfflineIngest.fields(Path.of("config")), new CompactIncidents(incidents::add));
		}
		replay = new ChangeReplay(RULES, IN_FORCE, incidents, FROM, TO);
	}

	static Stream<Arguments> changes() {
		return Stream.of(Arguments.of("targeted-killings.min-count", 1),
				Arguments.of("campaign-declared.heightened-factor", 0.3), Arguments.of("attack-surge.ratio", 1.1),
				Arguments.of("threat-level.elevated", 2), Arguments.of("crackdown-surge.min-count", 2),
				Arguments.of("external-operations.campaign-count", 2), Arguments.of("ttp-surge.ratio", 1.5));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("changes")
	void aChangeReplayedOverWhatItCanAffectMakesTheTransitionsOfAFullBacktest(String key, Object value) {
		ThresholdSet proposed = with(key, value);

		List<BacktestTransition> full = new Backtest(RULES, proposed).run(incidents, FROM, TO);

		assertThat(full).as("the change alters what the demo's alerts do").isNotEqualTo(replay.inForce());
		assertThat(replay.with(proposed)).containsExactlyElementsOf(full);
	}

	@Test
	void aChangeThatAltersTheThreatLevelThroughAnotherIndicatorsAlertsIsReplayedWithIt() {
		ThresholdSet proposed = with("targeted-killings.min-count", 1);

		assertThat(threatLevel(replay.with(proposed))).as("threat-level counts the new alerts")
			.isNotEqualTo(threatLevel(replay.inForce()))
			.isEqualTo(threatLevel(new Backtest(RULES, proposed).run(incidents, FROM, TO)));
	}

	@Test
	void valuesEqualToThoseInForceReplayNothing() {
		assertThat(replay.with(IN_FORCE)).isSameAs(replay.inForce());
	}

	@Test
	void dependenciesAreReadFromTheRules() {
		RuleDependencies dependencies = RULES.dependencies();

		assertThat(dependencies.reading(List.of("targeted-killings.min-count"))).containsExactly("targeted-killings");
		assertThat(dependencies.affectedBy(Set.of("targeted-killings"))).containsExactlyInAnyOrder("targeted-killings",
				"threat-level");
		assertThat(dependencies.affectedBy(Set.of("campaign-declared"))).containsExactlyInAnyOrder("campaign-declared",
				"attack-surge", "threat-level");
		assertThat(dependencies.runWith(Set.of("attack-surge", "threat-level")))
			.containsExactlyInAnyOrder("attack-surge", "campaign-declared", "threat-level");
		assertThat(dependencies.hitsReadBy(Set.of("threat-level"))).contains("attack-surge")
			.doesNotContain("threat-level")
			.hasSize(RULES.indicators().size() - 1);
		assertThat(dependencies.hitsReadBy(Set.of("attack-surge", "campaign-declared"))).isEmpty();
	}

	@Test
	void everyThresholdKeyIsNamedInTheRulesThatReadIt() {
		// A key that a rule built from pieces would be read by no indicator here, and a
		// change to it would replay nothing: the preview would show no difference.
		assertThat(IN_FORCE.values().keySet())
			.allSatisfy((key) -> assertThat(RULES.dependencies().reading(List.of(key))).as("indicators naming " + key)
				.isNotEmpty());
	}

	private static ThresholdSet with(String key, Object value) {
		Map<String, Object> values = new HashMap<>(IN_FORCE.values());
		values.put(key, value);
		return ThresholdSet.of(values, RULES.thresholdSchema());
	}

	private static List<BacktestTransition> threatLevel(List<BacktestTransition> transitions) {
		return transitions.stream().filter((t) -> t.indicator().equals("threat-level")).toList();
	}

}
