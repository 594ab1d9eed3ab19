package org.harbinger.bench;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SurgeOracleTests {

	@Test
	void aDaysCountWithoutCompanionsIsTheNegativeBinomialOfItsClusters() {
		// Gamma shape 2 around half a cluster a day: size 2, success 2 / 2.5.
		double[] day = SurgeOracle.dayCounts(0.5, new SurgeSeries.Shape(2, 0));
		assertThat(day[0]).isCloseTo(0.64, within(1e-12));
		assertThat(day[1]).isCloseTo(0.64 * 2 * 0.2, within(1e-12));
		assertThat(day[2]).isCloseTo(0.64 * 3 * 0.2 * 0.2, within(1e-12));
	}

	@Test
	void companionsAddEventsToEachClusterWithoutLosingProbability() {
		double[] day = SurgeOracle.dayCounts(8 / 7.0 / 1.3, new SurgeSeries.Shape(2, 0.3));
		assertThat(Arrays.stream(day).sum()).isCloseTo(1, within(1e-9));
		double mean = 0;
		for (int count = 0; count < day.length; count++) {
			mean += count * day[count];
		}
		assertThat(mean).isCloseTo(8 / 7.0, within(1e-9));
		// No cluster, no companion: a quiet day is as likely as without companions.
		assertThat(day[0]).isCloseTo(SurgeOracle.dayCounts(8 / 7.0 / 1.3, new SurgeSeries.Shape(2, 0))[0],
				within(1e-12));
	}

}
