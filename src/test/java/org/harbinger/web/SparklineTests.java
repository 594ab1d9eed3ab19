package org.harbinger.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.harbinger.alert.AlertTrend;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trends list's sparkline: the window count per day, scaled from zero to the peak,
 * the last day marked.
 */
class SparklineTests {

	private static final LocalDate FROM = LocalDate.of(2022, 4, 1);

	@Test
	void onePointADayScaledFromZeroToThePeakWithTheLastDayMarked() {
		// Window of 3 days: counts 0,2,2,2,0,0 in the window over the six days.
		AlertTrend trend = AlertTrend.of("x", 3, FROM, FROM.plusDays(5), Map.of(FROM.plusDays(1), 2), List.of());

		Sparkline line = Sparkline.of(trend);

		String[] points = line.points().split(" ");
		assertThat(points).hasSize(6);
		assertThat(points[0]).as("the first day, nothing in the window: the bottom").isEqualTo("3.0,25.0");
		assertThat(points[1]).as("the peak: the top").isEqualTo("25.8,3.0");
		assertThat(line.peak()).isEqualTo(2);
		assertThat(line.last()).isZero();
		assertThat(line.lastX()).isEqualTo(117.0);
		assertThat(line.lastY()).isEqualTo(25.0);
		assertThat(line.summary()).isEqualTo("In the last 3 days: 0 on 2022-04-06, at most 2 since 2022-04-01");
	}

	@Test
	void aQuietIndicatorIsAFlatLineAtTheBottom() {
		Sparkline line = Sparkline.of(AlertTrend.of("x", 30, FROM, FROM.plusDays(89), Map.of(), List.of()));

		assertThat(line.points().split(" ")).hasSize(90).allSatisfy((point) -> assertThat(point).endsWith(",25.0"));
		assertThat(line.peak()).isZero();
	}

}
