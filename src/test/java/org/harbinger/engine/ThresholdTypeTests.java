package org.harbinger.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ThresholdTypeTests {

	@Test
	void aProbabilityIsAboveZeroAndAtMostOneHalf() {
		assertThat(ThresholdType.PROBABILITY.parse("0.00005", null)).isEqualTo(0.00005);
		assertThat(ThresholdType.PROBABILITY.parse("0.5", null)).isEqualTo(0.5);
		assertThatIllegalArgumentException().isThrownBy(() -> ThresholdType.PROBABILITY.parse("0", null))
			.withMessage("0 must be a probability above 0 and at most 0.5, such as 0.001");
		assertThatIllegalArgumentException().isThrownBy(() -> ThresholdType.PROBABILITY.parse("0.6", null))
			.withMessageContaining("at most 0.5");
		assertThatIllegalArgumentException().isThrownBy(() -> ThresholdType.PROBABILITY.parse("rare", null))
			.withMessage("'rare' is not a number");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ThresholdType.PROBABILITY.parse(null, java.util.List.of("a")))
			.withMessage("expected a single probability such as 0.001");
	}

	@Test
	void aScoreIsCheckedLikeARatio() {
		assertThat(ThresholdType.SCORE.parse("8.5", null)).isEqualTo(8.5);
		assertThatIllegalArgumentException().isThrownBy(() -> ThresholdType.SCORE.parse("0", null))
			.withMessage("0 must be a positive number");
		assertThatIllegalArgumentException().isThrownBy(() -> ThresholdType.SCORE.parse("1001", null))
			.withMessage("1001 is above the maximum 1000");
	}

}
