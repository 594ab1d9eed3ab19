package org.harbinger.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.harbinger.TestIncidents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SurgeTestTests {

	private static final LocalDate TODAY = LocalDate.of(2022, 6, 20);

	private static final double ALPHA = 0.00005;

	private int sequence;

	@Test
	void poissonAndNegativeBinomialTailsMatchTheirClosedForms() {
		// P(X >= 3) for Poisson(1): 1 - e^-1 (1 + 1 + 1/2).
		assertThat(SurgeTest.upperTail(3, 1.0, 1.0)).isCloseTo(1 - Math.exp(-1) * 2.5, within(1e-12));
		// Mean 2, variance 4: size 2, success 1/2; P(X >= 1) = 1 - (1/2)^2.
		assertThat(SurgeTest.upperTail(1, 2.0, 4.0)).isCloseTo(0.75, within(1e-12));
		assertThat(SurgeTest.upperTail(0, 2.0, 4.0)).isEqualTo(1.0);
	}

	@Test
	void twoAttacksADayForThreeDaysAgainstOneAWeekIsASurgeFoundOverItsShortSpan() {
		assertThat(test(every(12, 7), daily(6, 2), 3)).singleElement().satisfies((surge) -> {
			assertThat(surge.count()).isEqualTo(6);
			assertThat(surge.days()).isEqualTo(3);
			assertThat(surge.probability()).isLessThanOrEqualTo(ALPHA);
		});
	}

	@Test
	void aDailyAttackForAWeekAgainstOneAWeekIsNotYetUnlikelyEnough() {
		assertThat(test(every(12, 7), daily(7, 1), 3)).isEmpty();
		assertThat(test(every(12, 7), daily(10, 1), 3)).isNotEmpty();
	}

	@Test
	void theSameAttacksOnOneDayAreAWaveNotASurge() {
		assertThat(test(every(12, 7), daily(8, 8), 3)).isEmpty();
		assertThat(test(every(12, 7), daily(8, 8), 1)).isNotEmpty();
	}

	@Test
	void aBurstyBaselineNeedsMoreToBeSurprising() {
		// The same twelve baseline attacks as four days of three: variance over mean of
		// the days rises.
		List<IncidentFact> bursty = new ArrayList<>();
		for (int wave = 0; wave < 4; wave++) {
			for (int i = 0; i < 3; i++) {
				bursty.add(attack(TODAY.minusDays(20 + 20L * wave)));
			}
		}
		assertThat(test(every(12, 7), daily(6, 2), 3)).isNotEmpty();
		assertThat(test(bursty, daily(6, 2), 3)).isEmpty();
	}

	@Test
	void aSurgeFoundHoldsWhileItsSpanIsInTheWindow() {
		List<IncidentFact> window = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			window.add(attack(TODAY.minusDays(10 + i / 2)));
		}
		assertThat(test(every(12, 7), window, 3)).singleElement()
			.satisfies((surge) -> assertThat(surge.lastDay()).isEqualTo(TODAY.minusDays(10).toEpochDay()));
	}

	@Test
	void aDeclaredCampaignsFactorLowersTheExpectation() {
		assertThat(SurgeTest.test(count("window", daily(6, 2)), count("baseline", every(18, 4)), TODAY.toEpochDay(), 14,
				84, 3, 1.5, ALPHA, 1.0))
			.isEmpty();
		assertThat(SurgeTest.test(count("window", daily(6, 2)), count("baseline", every(18, 4)), TODAY.toEpochDay(), 14,
				84, 3, 1.5, ALPHA, 0.67))
			.isNotEmpty();
	}

	private List<SurgeTest.Surge> test(List<IncidentFact> baseline, List<IncidentFact> window, int minDays) {
		return SurgeTest.test(count("window", window), count("baseline", baseline), TODAY.toEpochDay(), 14, 84, minDays,
				1.5, ALPHA, 1.0);
	}

	/**
	 * {@code n} baseline attacks {@code gap} days apart, the last the day before the
	 * window.
	 */
	private List<IncidentFact> every(int n, int gap) {
		List<IncidentFact> attacks = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			attacks.add(attack(TODAY.minusDays(14 + (long) gap * i)));
		}
		return attacks;
	}

	/** {@code n} attacks, {@code perDay} a day, the last today. */
	private List<IncidentFact> daily(int n, int perDay) {
		List<IncidentFact> attacks = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			attacks.add(attack(TODAY.minusDays(i / perDay)));
		}
		return attacks;
	}

	private IncidentFact attack(LocalDate day) {
		return new IncidentFact(TestIncidents.iskpAttack("a-" + (++this.sequence), day, "Afghanistan"));
	}

	private static WindowCount count(String name, List<IncidentFact> incidents) {
		List<WindowDay> days = new ArrayList<>();
		incidents.stream()
			.collect(java.util.stream.Collectors.groupingBy(IncidentFact::getDay))
			.forEach((day, facts) -> days.add(WindowDay.of("attack-surge", "Afghanistan", day, facts)));
		return new WindowCount("attack-surge", name, "Afghanistan", days);
	}

}
