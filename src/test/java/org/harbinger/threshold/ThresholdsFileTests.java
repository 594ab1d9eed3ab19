package org.harbinger.threshold;

import java.util.LinkedHashMap;
import java.util.Map;

import org.harbinger.engine.ThresholdSet;
import org.harbinger.engine.ThresholdType;
import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ThresholdsFileTests {

	private static final Map<String, ThresholdType> SCHEMA = new LinkedHashMap<>();

	static {
		SCHEMA.put("attack-surge.window-days", ThresholdType.DAYS);
		SCHEMA.put("attack-surge.baseline-days", ThresholdType.DAYS);
		SCHEMA.put("attack-surge.ratio", ThresholdType.RATIO);
		SCHEMA.put("attack-surge.min-count", ThresholdType.COUNT);
		SCHEMA.put("cross-border-fire.window-days", ThresholdType.DAYS);
		SCHEMA.put("cross-border-fire.neighbours", ThresholdType.LIST);
	}

	private static final String VALID = """
			attack-surge:
			  window-days: 14
			  baseline-days: 84
			  ratio: 3.0
			  min-count: 8
			cross-border-fire:
			  window-days: 30
			  neighbours: [Uzbekistan, Tajikistan]
			""";

	@Test
	void readsTypedValuesAndTheRetentionTheRulesNeed() {
		ThresholdSet thresholds = read(VALID);

		assertThat(thresholds.values()).containsEntry("attack-surge.ratio", 3.0)
			.containsEntry("attack-surge.min-count", 8)
			.containsEntry("cross-border-fire.neighbours", java.util.List.of("Uzbekistan", "Tajikistan"));
		assertThat(thresholds.retentionDays()).as("surge window plus baseline").isEqualTo(98);
		assertThat(thresholds.lookbackDays()).as("no lookback beyond the windows").isEqualTo(98);
	}

	@Test
	void aLookbackReachesBackFromTheStartOfItsIndicatorsWindow() {
		Map<String, ThresholdType> schema = Map.of("new-province.window-days", ThresholdType.DAYS,
				"new-province.lookback-days", ThresholdType.LOOKBACK, "attack-surge.window-days", ThresholdType.DAYS,
				"attack-surge.baseline-days", ThresholdType.DAYS);

		ThresholdSet thresholds = ThresholdSet.of(Map.of("new-province.window-days", 30, "new-province.lookback-days",
				365, "attack-surge.window-days", 14, "attack-surge.baseline-days", 84), schema);

		assertThat(thresholds.retentionDays()).isEqualTo(98);
		assertThat(thresholds.lookbackDays()).isEqualTo(395);
	}

	@Test
	void refusesAnUnknownKeyNamingItAndItsLine() {
		assertThatExceptionOfType(ConfigFileException.class)
			.isThrownBy(() -> read(VALID.replace("  min-count: 8", "  min-count: 8\n  minimum-count: 8")))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly("line 6: attack-surge.minimum-count: unknown key: no rule declares it"));
	}

	@Test
	void refusesAWrongType() {
		assertThatExceptionOfType(ConfigFileException.class)
			.isThrownBy(() -> read(VALID.replace("ratio: 3.0", "ratio: three")))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly("line 4: attack-surge.ratio: 'three' is not a number"));
	}

	@Test
	void refusesANegativeCountAndAZeroWindow() {
		assertThatExceptionOfType(ConfigFileException.class).isThrownBy(
				() -> read(VALID.replace("min-count: 8", "min-count: -1").replace("window-days: 30", "window-days: 0")))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"line 5: attack-surge.min-count: -1 is below the minimum 0",
					"line 7: cross-border-fire.window-days: 0 is below the minimum 1"));
	}

	@Test
	void refusesAMissingKeyThatARuleReads() {
		assertThatExceptionOfType(ConfigFileException.class).isThrownBy(() -> read(VALID.replace("  ratio: 3.0\n", "")))
			.satisfies(
					(ex) -> assertThat(ex.problems()).containsExactly("attack-surge.ratio: missing; a rule reads it"));
	}

	@Test
	void refusesAListWhereANumberBelongs() {
		assertThatExceptionOfType(ConfigFileException.class)
			.isThrownBy(() -> read(VALID.replace("window-days: 14", "window-days: [14]")))
			.withMessageContaining("thresholds.yml is refused")
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly("line 2: attack-surge.window-days: expected a single number of days"));
	}

	@Test
	void refusesBrokenYamlWithItsLine() {
		assertThatExceptionOfType(ConfigFileException.class)
			.isThrownBy(() -> read(VALID.replace("neighbours: [Uzbekistan, Tajikistan]", "neighbours: [Uzbekistan")))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement().asString().startsWith("line 9:"));
	}

	private static ThresholdSet read(String yaml) {
		return ThresholdsFile.read(new EditableFiles.Text("config/thresholds.yml", yaml), SCHEMA);
	}

}
