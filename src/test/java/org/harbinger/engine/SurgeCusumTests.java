package org.harbinger.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SurgeCusumTests {

	private static final LocalDate TODAY = SurgeAttacks.TODAY;

	private static final double JUMP = 4;

	private static final double H = 8.5;

	private final SurgeAttacks attacks = new SurgeAttacks();

	@Test
	void aDaysScoreIsPoissonsLikelihoodRatioWithoutOverdispersion() {
		SurgeCusum.DayScore score = new SurgeCusum.DayScore(0.5, 1.0, 3);
		assertThat(score.of(0)).isCloseTo(-1.0, within(1e-12));
		assertThat(score.of(2)).isCloseTo(2 * Math.log(3) - 1.0, within(1e-12));
	}

	@Test
	void aDaysScoreIsTheNegativeBinomialsLikelihoodRatioWithIt() {
		// Mean 1, index 2: size 1, a geometric day P(x) = (1/2)^(x+1); at 3x the size is
		// 3 with the same success 1/2: P(x) = (x+1)(x+2)/2 (1/2)^(x+3).
		SurgeCusum.DayScore score = new SurgeCusum.DayScore(1.0, 2.0, 3);
		for (int x = 0; x < 5; x++) {
			double baseline = Math.pow(0.5, x + 1);
			double jumped = (x + 1) * (x + 2) / 2.0 * Math.pow(0.5, x + 3);
			assertThat(score.of(x)).isCloseTo(Math.log(jumped / baseline), within(1e-12));
		}
	}

	@Test
	void twoAttacksADayForFourDaysAgainstOneAWeekIsASurgeFoundOverThoseDays() {
		assertThat(test(this.attacks.every(12, 7), this.attacks.daily(8, 2), 1.0)).singleElement()
			.satisfies((surge) -> {
				assertThat(surge.days()).isEqualTo(4);
				assertThat(surge.count()).isEqualTo(8);
				assertThat(surge.lastDay()).isEqualTo(TODAY.toEpochDay());
				assertThat(surge.jump()).isEqualTo(JUMP);
				assertThat(surge.probability()).isLessThanOrEqualTo(Math.exp(-H));
			});
	}

	@Test
	void theBaselinesOwnTempoIsNoSurge() {
		assertThat(test(this.attacks.every(12, 7), this.attacks.every(2, 7, 0), 1.0)).isEmpty();
	}

	@Test
	void theSameAttacksOnOneDayAreAWaveNotASurge() {
		assertThat(test(this.attacks.every(12, 7), this.attacks.daily(8, 8), 1.0)).isEmpty();
		assertThat(SurgeCusum.test(SurgeAttacks.count("window", this.attacks.daily(8, 8)),
				SurgeAttacks.count("baseline", this.attacks.every(12, 7)), TODAY.toEpochDay(), 14, 84, 1, JUMP, H, 1.0))
			.isNotEmpty();
	}

	@Test
	void aBurstyBaselineNeedsMoreToBeSurprising() {
		// The same twelve baseline attacks as four days of three: each busy day of the
		// window is less evidence of a new tempo.
		List<IncidentFact> bursty = new ArrayList<>();
		for (int wave = 0; wave < 4; wave++) {
			for (int i = 0; i < 3; i++) {
				bursty.add(this.attacks.attack(TODAY.minusDays(20 + 20L * wave)));
			}
		}
		assertThat(test(this.attacks.every(12, 7), this.attacks.daily(8, 2), 1.0)).isNotEmpty();
		assertThat(test(bursty, this.attacks.daily(8, 2), 1.0)).isEmpty();
	}

	@Test
	void aSurgeFoundHoldsWhileItsSpanIsInTheWindow() {
		List<IncidentFact> window = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			window.add(this.attacks.attack(TODAY.minusDays(10 + i / 2)));
		}
		assertThat(test(this.attacks.every(12, 7), window, 1.0)).singleElement()
			.satisfies((surge) -> assertThat(surge.lastDay()).isEqualTo(TODAY.minusDays(10).toEpochDay()));
	}

	@Test
	void aDeclaredCampaignsFactorLowersTheExpectation() {
		// One a day for eight days: each quiet day of the baseline's tempo costs less
		// when
		// a campaign lowers it.
		assertThat(test(this.attacks.every(12, 7), this.attacks.daily(8, 1), 1.0)).isEmpty();
		assertThat(test(this.attacks.every(12, 7), this.attacks.daily(8, 1), 0.67)).isNotEmpty();
	}

	@Test
	void theSpanTestsFindingComesFirstAndTheCusumsElse() {
		SurgeTest.Surge span = new SurgeTest.Surge(1, 3, 6, 0.5, 1e-6);
		SurgeTest.Surge cusum = new SurgeTest.Surge(1, 4, 8, 0.6, 1e-5, JUMP);
		assertThat(SurgeTest.either(List.of(span), List.of(cusum))).containsExactly(span);
		assertThat(SurgeTest.either(List.of(), List.of(cusum))).containsExactly(cusum);
		assertThat(cusum.describe()).endsWith("(day by day 100,000 times likelier at 4x the baseline's rate)");
		assertThat(span.describe()).endsWith("(a chance of 1 in 1,000,000)");
	}

	private List<SurgeTest.Surge> test(List<IncidentFact> baseline, List<IncidentFact> window, double factor) {
		return SurgeCusum.test(SurgeAttacks.count("window", window), SurgeAttacks.count("baseline", baseline),
				TODAY.toEpochDay(), 14, 84, 3, JUMP, H, factor);
	}

}
