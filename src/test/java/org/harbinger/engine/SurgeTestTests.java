package org.harbinger.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SurgeTestTests {

	private static final LocalDate TODAY = SurgeAttacks.TODAY;

	private static final double ALPHA = 0.00005;

	private final SurgeAttacks attacks = new SurgeAttacks();

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
		assertThat(test(this.attacks.every(12, 7), this.attacks.daily(6, 2), 3)).singleElement().satisfies((surge) -> {
			assertThat(surge.count()).isEqualTo(6);
			assertThat(surge.days()).isEqualTo(3);
			assertThat(surge.probability()).isLessThanOrEqualTo(ALPHA);
		});
	}

	@Test
	void aDailyAttackForAWeekAgainstOneAWeekIsNotYetUnlikelyEnough() {
		assertThat(test(this.attacks.every(12, 7), this.attacks.daily(7, 1), 3)).isEmpty();
		assertThat(test(this.attacks.every(12, 7), this.attacks.daily(10, 1), 3)).isNotEmpty();
	}

	@Test
	void theSameAttacksOnOneDayAreAWaveNotASurge() {
		assertThat(test(this.attacks.every(12, 7), this.attacks.daily(8, 8), 3)).isEmpty();
		assertThat(test(this.attacks.every(12, 7), this.attacks.daily(8, 8), 1)).isNotEmpty();
	}

	@Test
	void aBurstyBaselineNeedsMoreToBeSurprising() {
		// The same twelve baseline attacks as four days of three: variance over mean of
		// the days rises.
		List<IncidentFact> bursty = new ArrayList<>();
		for (int wave = 0; wave < 4; wave++) {
			for (int i = 0; i < 3; i++) {
				bursty.add(this.attacks.attack(TODAY.minusDays(20 + 20L * wave)));
			}
		}
		assertThat(test(this.attacks.every(12, 7), this.attacks.daily(6, 2), 3)).isNotEmpty();
		assertThat(test(bursty, this.attacks.daily(6, 2), 3)).isEmpty();
	}

	@Test
	void aSurgeFoundHoldsWhileItsSpanIsInTheWindow() {
		List<IncidentFact> window = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			window.add(this.attacks.attack(TODAY.minusDays(10 + i / 2)));
		}
		assertThat(test(this.attacks.every(12, 7), window, 3)).singleElement()
			.satisfies((surge) -> assertThat(surge.lastDay()).isEqualTo(TODAY.minusDays(10).toEpochDay()));
	}

	@Test
	void aDeclaredCampaignsFactorLowersTheExpectation() {
		assertThat(SurgeTest.test(SurgeAttacks.count("window", this.attacks.daily(6, 2)),
				SurgeAttacks.count("baseline", this.attacks.every(18, 4)), TODAY.toEpochDay(), 14, 84, 3, 1.5, ALPHA,
				1.0))
			.isEmpty();
		assertThat(SurgeTest.test(SurgeAttacks.count("window", this.attacks.daily(6, 2)),
				SurgeAttacks.count("baseline", this.attacks.every(18, 4)), TODAY.toEpochDay(), 14, 84, 3, 1.5, ALPHA,
				0.67))
			.isNotEmpty();
	}

	private List<SurgeTest.Surge> test(List<IncidentFact> baseline, List<IncidentFact> window, int minDays) {
		return SurgeTest.test(SurgeAttacks.count("window", window), SurgeAttacks.count("baseline", baseline),
				TODAY.toEpochDay(), 14, 84, minDays, 1.5, ALPHA, 1.0);
	}

}
