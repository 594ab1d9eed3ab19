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
 * attack-surge with the shipped thresholds: a 14-day window against the 84 days before
 * it, every span of the window tested against the baseline (alpha 0.00005, at least 1.5
 * times the expectation, on at least 3 days, at least 4 in the window), CRITICAL at 5
 * times the baseline's mean per window. Today is 30 June 2022, so the window is 17-30
 * June and the baseline 25 March - 16 June.
 */
class AttackSurgeTests {

	private static final LocalDate TODAY = LocalDate.of(2022, 6, 30);

	private static final LocalDate BASELINE_START = TODAY.minusDays(97);

	private final EngineHarness harness = EngineHarness.start(TODAY);

	private int ids;

	private int windowed;

	@AfterEach
	void close() {
		this.harness.close();
	}

	@Test
	void twoAttacksADayForThreeDaysAgainstOneAWeekFireAWarning() {
		coverBaseline();
		baseline(12); // 0.15 a day: 0.45 expected in three days
		twoADay(5);
		assertThat(this.harness.open("attack-surge", "Afghanistan")).as("5 in three days: 1 in 5,500").isEmpty();

		twoADay(1);

		assertThat(this.harness.transitions("attack-surge"))
			.containsExactly("2022-06-30 attack-surge Afghanistan WARNING FIRED");
		assertThat(this.harness.open("attack-surge", "Afghanistan").orElseThrow().evidence()).hasSize(6);
	}

	@Test
	void escalatesToCriticalAtTheCriticalRatioAndUpdatesTheSameAlertAsItGrows() {
		coverBaseline();
		baseline(12); // 2 per 14 days: CRITICAL from 10
		twoADay(9);
		assertThat(this.harness.open("attack-surge", "Afghanistan").orElseThrow().evidence()).hasSize(9);

		twoADay(1);

		assertThat(this.harness.transitions("attack-surge")).containsExactly(
				"2022-06-30 attack-surge Afghanistan WARNING FIRED",
				"2022-06-30 attack-surge Afghanistan CRITICAL ESCALATED");
		assertThat(this.harness.open("attack-surge")).hasSize(1);
	}

	@Test
	void aDailyAttackAgainstOneAWeekNeedsTenDaysToBeUnlikelyEnough() {
		coverBaseline();
		baseline(12);
		daily(9);
		assertThat(this.harness.open("attack-surge")).as("9 in nine days: 1 in 17,000").isEmpty();

		daily(1);

		assertThat(this.harness.open("attack-surge", "Afghanistan")).isPresent();
	}

	@Test
	void staysSilentJustBelowTheMinimumCount() {
		coverBaseline();
		daily(3); // after a quiet baseline three are already unlikely, but at least 4 are
					// needed
		assertThat(this.harness.open("attack-surge")).isEmpty();

		daily(1);

		assertThat(this.harness.open("attack-surge", "Afghanistan")).isPresent();
	}

	@Test
	void aWaveOnOneDayIsNoSurge() {
		coverBaseline();
		baseline(12);
		for (int i = 0; i < 8; i++) {
			this.harness.record(TestIncidents.iskpAttack("wave" + i, TODAY, "Afghanistan"));
		}

		assertThat(this.harness.open("attack-surge")).as("8 on one day, fewer than min-days 3 days").isEmpty();
	}

	@Test
	void staysSilentUntilTheDataCoversTheWholeBaseline() {
		this.harness.record(TestIncidents.protest("first", BASELINE_START.plusDays(1), "Afghanistan"));
		twoADay(12);
		assertThat(this.harness.open("attack-surge")).as("97 days of data, 98 needed").isEmpty();

		this.harness.record(TestIncidents.protest("earlier", BASELINE_START, "Afghanistan"));

		assertThat(this.harness.transitions("attack-surge"))
			.containsExactly("2022-06-30 attack-surge Afghanistan CRITICAL FIRED");
	}

	@Test
	void resolvesWhenTheWindowSlidesPastTheSurge() {
		coverBaseline();
		baseline(12);
		LocalDate surgeDay = TODAY.minusDays(5);
		for (int i = 0; i < 6; i++) {
			this.harness.record(TestIncidents.iskpAttack("surge" + i, surgeDay.plusDays(i / 2), "Afghanistan"));
		}

		this.harness.advanceTo(surgeDay.plusDays(13));
		assertThat(this.harness.open("attack-surge", "Afghanistan")).as("the surge's first day is still in the window")
			.isPresent();
		this.harness.advanceTo(surgeDay.plusDays(14));

		assertThat(this.harness.transitions("attack-surge")).containsExactly(
				"2022-06-30 attack-surge Afghanistan WARNING FIRED",
				"2022-07-09 attack-surge Afghanistan WARNING RESOLVED");
	}

	@Test
	void aLateReportCountsInTheWindowOfItsEventDate() {
		coverBaseline();
		baseline(12);
		twoADay(6);
		assertThat(this.harness.open("attack-surge", "Afghanistan")).isPresent();

		// Six old attacks reported late raise the baseline to 18: six in three days is no
		// longer a surge.
		for (int i = 0; i < 6; i++) {
			this.harness.record(TestIncidents.iskpAttack("late" + i, BASELINE_START.plusDays(i), "Afghanistan"));
		}

		assertThat(this.harness.transitions("attack-surge")).containsExactly(
				"2022-06-30 attack-surge Afghanistan WARNING FIRED",
				"2022-06-30 attack-surge Afghanistan WARNING RESOLVED");
	}

	@Test
	void countsEachCountryAgainstItsOwnBaseline() {
		coverBaseline();
		baseline(12);
		twoADay(6);
		for (int i = 0; i < 8; i++) {
			this.harness.record(TestIncidents.iskpAttack("pk" + i, TODAY.minusDays(i), "Pakistan"));
		}

		assertThat(this.harness.open("attack-surge").keySet()).containsExactlyInAnyOrder(
				new AlertKey("attack-surge", "Afghanistan"), new AlertKey("attack-surge", "Pakistan"));
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

	/** Attacks in the window, two a day back from Today. */
	private void twoADay(int count) {
		window(count, 2);
	}

	/** Attacks in the window, one a day back from Today. */
	private void daily(int count) {
		window(count, 1);
	}

	private void window(int count, int perDay) {
		List<Incident> attacks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			attacks.add(TestIncidents.iskpAttack("w" + (this.ids++), TODAY.minusDays(this.windowed++ / perDay),
					"Afghanistan"));
		}
		this.harness.record(attacks.toArray(Incident[]::new));
	}

}
