package org.harbinger.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.harbinger.TestIncidents;
import org.harbinger.system.EditableFiles;
import org.harbinger.threshold.ThresholdsFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** cross-border-fire on the real events of April and May 2022. */
class CrossBorderFireTests {

	private static final LocalDate TERMEZ = LocalDate.of(2022, 4, 18);

	private static final LocalDate TAKHAR = LocalDate.of(2022, 5, 7);

	private EngineHarness harness = EngineHarness.start(TERMEZ);

	@AfterEach
	void close() {
		this.harness.close();
	}

	@Test
	void firesWarningForFireIntoOneNeighbour() {
		this.harness.record(TestIncidents.rocketsFromAfghanistan("UZB2001", TERMEZ, "Uzbekistan"));

		assertThat(this.harness.transitions("cross-border-fire"))
			.containsExactly("2022-04-18 cross-border-fire Uzbekistan WARNING FIRED");
		assertThat(this.harness.open("cross-border-fire", "Uzbekistan").orElseThrow().evidence())
			.containsExactly("UZB2001");
	}

	@Test
	void escalatesEveryOpenAlertWhenASecondCountryIsHitInTheWindow() {
		this.harness.record(TestIncidents.rocketsFromAfghanistan("UZB2001", TERMEZ, "Uzbekistan"));
		this.harness.record(TestIncidents.rocketsFromAfghanistan("TJK1001", TAKHAR, "Tajikistan"));
		assertThat(this.harness.open("cross-border-fire")).as("Takhar lies in the future until Today reaches it")
			.hasSize(1);

		this.harness.advanceTo(TAKHAR);

		assertThat(this.harness.transitions("cross-border-fire")).containsExactly(
				"2022-04-18 cross-border-fire Uzbekistan WARNING FIRED",
				"2022-05-07 cross-border-fire Tajikistan CRITICAL FIRED",
				"2022-05-07 cross-border-fire Uzbekistan CRITICAL ESCALATED");
		Signal uzbekistan = this.harness.open("cross-border-fire", "Uzbekistan").orElseThrow();
		assertThat(uzbekistan.evidence()).as("its own evidence").containsExactly("UZB2001");
		assertThat(uzbekistan.severityEvidence()).as("what made it CRITICAL").containsExactly("UZB2001", "TJK1001");
		assertThat(uzbekistan.severityReason())
			.isEqualTo("2 countries hit in 30 days (critical at 2): Tajikistan, Uzbekistan");
	}

	@Test
	void escalatesOnTheThirdEventIntoOneCountry() {
		for (int i = 0; i < 3; i++) {
			this.harness.record(TestIncidents.rocketsFromAfghanistan("UZ" + i, TERMEZ.minusDays(i), "Uzbekistan"));
		}

		assertThat(this.harness.transitions("cross-border-fire")).containsExactly(
				"2022-04-18 cross-border-fire Uzbekistan WARNING FIRED",
				"2022-04-18 cross-border-fire Uzbekistan CRITICAL ESCALATED");
		Signal uzbekistan = this.harness.open("cross-border-fire", "Uzbekistan").orElseThrow();
		assertThat(uzbekistan.severityReason()).as("its own three events explain it").isNull();
		assertThat(uzbekistan.severityEvidence()).isEmpty();
	}

	@Test
	void deescalatesAndResolvesAsTheWindowSlidesPast() {
		this.harness.record(TestIncidents.rocketsFromAfghanistan("UZB2001", TERMEZ, "Uzbekistan"),
				TestIncidents.rocketsFromAfghanistan("TJK1001", TAKHAR, "Tajikistan"));
		this.harness.advanceTo(TAKHAR);

		this.harness.advanceTo(TERMEZ.plusDays(30));

		assertThat(this.harness.transitions("cross-border-fire")).endsWith(
				"2022-05-18 cross-border-fire Tajikistan WARNING DEESCALATED",
				"2022-05-18 cross-border-fire Uzbekistan CRITICAL RESOLVED");
	}

	@Test
	void ignoresFireIntoAfghanistanAndFireFromElsewhere() {
		this.harness.record(
				TestIncidents.builder("AFG1", TERMEZ, "Afghanistan")
					.actor1("Military Forces of Pakistan (2018-)", "STATE_FORCES")
					.origin("Pakistan")
					.type("Explosions/Remote violence", "Air/drone strike")
					.build(),
				TestIncidents.builder("UZ-clash", TERMEZ, "Uzbekistan")
					.origin("Afghanistan")
					.type("Battles", "Armed clash")
					.build(),
				TestIncidents.builder("KAZ", TERMEZ, "Kazakhstan")
					.origin("Afghanistan")
					.type("Explosions/Remote violence", "Shelling/artillery/missile attack")
					.build());

		assertThat(this.harness.open("cross-border-fire")).isEmpty();
	}

	@Test
	void aChangedThresholdsFileChangesWhatFires(@TempDir Path config) throws Exception {
		this.harness.record(TestIncidents.rocketsFromAfghanistan("UZB2001", TERMEZ, "Uzbekistan"),
				TestIncidents.rocketsFromAfghanistan("TJK1001", TAKHAR, "Tajikistan"));
		this.harness.advanceTo(TAKHAR);
		assertThat(this.harness.open("cross-border-fire", "Uzbekistan").orElseThrow().severity())
			.isEqualTo(Severity.CRITICAL);

		String shipped = Files.readString(Path.of("config/thresholds.yml"));
		Files.writeString(config.resolve("thresholds.yml"),
				shipped.replace("critical-distinct-countries: 2", "critical-distinct-countries: 3")
					.replace("window-days: 30", "window-days: 10"));
		ThresholdSet edited = ThresholdsFile.read(EditableFiles.read(config, "config", "thresholds.yml"),
				EngineHarness.RULES.thresholdSchema());
		this.harness.engine().useThresholds(edited).join();

		assertThat(this.harness.transitions("cross-border-fire")).endsWith(
				"2022-05-07 cross-border-fire Tajikistan WARNING DEESCALATED",
				"2022-05-07 cross-border-fire Uzbekistan CRITICAL RESOLVED");
	}

	@Test
	void startsWithTheValuesItIsGiven() {
		this.harness.close();
		this.harness = EngineHarness.start(TAKHAR, Map.of("cross-border-fire.critical-distinct-countries", 3));

		this.harness.record(TestIncidents.rocketsFromAfghanistan("UZB2001", TERMEZ, "Uzbekistan"),
				TestIncidents.rocketsFromAfghanistan("TJK1001", TAKHAR, "Tajikistan"));

		assertThat(this.harness.open("cross-border-fire").values()).extracting(Signal::severity)
			.containsOnly(Severity.WARNING);
	}

}
