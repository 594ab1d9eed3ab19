package org.harbinger.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.harbinger.TestIncidents;
import org.harbinger.incident.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * attack-surge with the shipped thresholds: a 14-day window against the 84 days before it,
 * ratio 3, critical ratio 5, at least 8 events. Today is 30 June 2022, so the window is
 * 17-30 June and the baseline 25 March - 16 June.
 */
class AttackSurgeTests {

	private static final LocalDate TODAY = LocalDate.of(2022, 6, 30);

	private static final LocalDate BASELINE_START = TODAY.minusDays(97);

	private final EngineHarness harness = EngineHarness.start(TODAY);

	private int ids;

	@AfterEach
	void close() {
		this.harness.close();
	}

	@Test
	void firesWarningAtThreeTimesTheBaselineRateWithEnoughEvents() {
		coverBaseline();
		baseline(12); // mean 2 per 14 days: 3x is 6, 5x is 10
		window(7);
		assertThat(this.harness.open("attack-surge", "Afghanistan")).isEmpty();

		window(1);

		assertThat(this.harness.transitions("attack-surge")).containsExactly("2022-06-30 attack-surge Afghanistan WARNING FIRED");
		assertThat(this.harness.open("attack-surge", "Afghanistan").orElseThrow().evidence()).hasSize(8);
	}

	@Test
	void escalatesToCriticalAtTheCriticalRatioAndUpdatesTheSameAlertAsItGrows() {
		coverBaseline();
		baseline(12);
		window(8);
		window(1);
		assertThat(this.harness.open("attack-surge", "Afghanistan").orElseThrow().evidence()).hasSize(9);

		window(1);

		assertThat(this.harness.transitions("attack-surge")).containsExactly("2022-06-30 attack-surge Afghanistan WARNING FIRED",
				"2022-06-30 attack-surge Afghanistan CRITICAL ESCALATED");
		assertThat(this.harness.open("attack-surge")).hasSize(1);
	}

	@Test
	void staysSilentJustBelowTheRatio() {
		coverBaseline();
		baseline(18); // mean 3 per 14 days: 3x is 9
		window(8);
		assertThat(this.harness.open("attack-surge")).isEmpty();

		window(1);

		assertThat(this.harness.open("attack-surge", "Afghanistan")).isPresent();
	}

	@Test
	void staysSilentJustBelowTheMinimumCount() {
		coverBaseline();
		baseline(6); // mean 1 per 14 days: 3x is only 3, but at least 8 are needed
		window(7);
		assertThat(this.harness.open("attack-surge")).isEmpty();

		window(1);

		assertThat(this.harness.open("attack-surge", "Afghanistan")).isPresent();
	}

	@Test
	void staysSilentUntilTheDataCoversTheWholeBaseline() {
		this.harness.record(TestIncidents.protest("first", BASELINE_START.plusDays(1), "Afghanistan"));
		window(12);
		assertThat(this.harness.open("attack-surge")).as("97 days of data, 98 needed").isEmpty();

		this.harness.record(TestIncidents.protest("earlier", BASELINE_START, "Afghanistan"));

		assertThat(this.harness.transitions("attack-surge")).containsExactly("2022-06-30 attack-surge Afghanistan CRITICAL FIRED");
	}

	@Test
	void resolvesWhenTheWindowSlidesPastTheSurge() {
		coverBaseline();
		baseline(12);
		LocalDate surgeDay = TODAY.minusDays(5);
		for (int i = 0; i < 8; i++) {
			this.harness.record(TestIncidents.iskpAttack("surge" + i, surgeDay, "Afghanistan"));
		}

		this.harness.advanceTo(surgeDay.plusDays(13));
		assertThat(this.harness.open("attack-surge", "Afghanistan")).as("the surge day is still in the window")
			.isPresent();
		this.harness.advanceTo(surgeDay.plusDays(14));

		assertThat(this.harness.transitions("attack-surge")).containsExactly("2022-06-30 attack-surge Afghanistan WARNING FIRED",
				"2022-07-09 attack-surge Afghanistan WARNING RESOLVED");
	}

	@Test
	void aLateReportCountsInTheWindowOfItsEventDate() {
		coverBaseline();
		baseline(12);
		window(8);
		assertThat(this.harness.open("attack-surge", "Afghanistan")).isPresent();

		// Six old attacks reported late raise the baseline to a mean of 3: 8 is no longer a surge.
		for (int i = 0; i < 6; i++) {
			this.harness.record(TestIncidents.iskpAttack("late" + i, BASELINE_START.plusDays(i), "Afghanistan"));
		}

		assertThat(this.harness.transitions("attack-surge")).containsExactly("2022-06-30 attack-surge Afghanistan WARNING FIRED",
				"2022-06-30 attack-surge Afghanistan WARNING RESOLVED");
	}

	@Test
	void countsEachCountryAgainstItsOwnBaseline() {
		coverBaseline();
		baseline(12);
		window(8);
		for (int i = 0; i < 8; i++) {
			this.harness.record(TestIncidents.iskpAttack("pk" + i, TODAY.minusDays(i), "Pakistan"));
		}

		assertThat(this.harness.open("attack-surge").keySet())
			.containsExactlyInAnyOrder(new AlertKey("attack-surge", "Afghanistan"), new AlertKey("attack-surge", "Pakistan"));
		assertThat(this.harness.open("attack-surge", "Pakistan").orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
	}

	private void coverBaseline() {
		this.harness.record(TestIncidents.protest("coverage", BASELINE_START, "Afghanistan"));
	}

	/** Attacks spread over the 84 baseline days. */
	private void baseline(int count) {
		List<Incident> attacks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			attacks.add(TestIncidents.iskpAttack("b" + (this.ids++), BASELINE_START.plusDays(i * 84L / count),
					"Afghanistan"));
		}
		this.harness.record(attacks.toArray(Incident[]::new));
	}

	/** Attacks inside the 14-day window. */
	private void window(int count) {
		List<Incident> attacks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			attacks.add(TestIncidents.iskpAttack("w" + (this.ids++), TODAY.minusDays(this.ids % 14), "Afghanistan"));
		}
		this.harness.record(attacks.toArray(Incident[]::new));
	}

}
