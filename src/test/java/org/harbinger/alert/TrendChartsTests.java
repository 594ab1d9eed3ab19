package org.harbinger.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The trend's numbers: daily counts, the count over the rule's window, baseline,
 * thresholds.
 */
class TrendChartsTests {

	private static final LocalDate FROM = LocalDate.of(2022, 5, 5);

	@Test
	void windowCountSlidesOverTheRulesWindowIncludingDaysBeforeTheTrend() {
		Map<LocalDate, Integer> counts = Map.of(FROM.minusDays(2), 1, FROM, 2, FROM.plusDays(3), 1, FROM.plusDays(7),
				4);

		AlertTrend trend = AlertTrend.of("targeted-killings", 3, FROM, FROM.plusDays(7), counts,
				List.of(new AlertTrend.Threshold("min-count", 3)));

		assertThat(trend.days()).hasSize(8);
		assertThat(trend.days()).extracting(AlertTrend.Day::inWindow).containsExactly(3, 2, 2, 1, 1, 1, 0, 4);
		assertThat(trend.withIncidents()).containsExactly(new AlertTrend.Day(FROM, 2, 3),
				new AlertTrend.Day(FROM.plusDays(3), 1, 1), new AlertTrend.Day(FROM.plusDays(7), 4, 4));
		assertThat(trend.observed()).isEqualTo(4);
		assertThat(trend.highest()).isEqualTo(4);
		assertThat(trend.thresholdsText()).isEqualTo("min-count 3");
	}

	@Test
	void highestReachesTheHighestThreshold() {
		AlertTrend trend = AlertTrend.of("x", 5, FROM, FROM.plusDays(1), Map.of(FROM, 1),
				List.of(new AlertTrend.Threshold("min-count", 3), new AlertTrend.Threshold("critical-count", 8)));

		assertThat(trend.highest()).isEqualTo(8);
		assertThat(trend.thresholdsText()).isEqualTo("min-count 3, critical-count 8");
	}

	/**
	 * Issue 16: a ratio rule's chart carries the baseline it compared against and each
	 * threshold line in force, the ratios as the counts they imply on each day.
	 */
	@Test
	void aBaselineRulesTrendCarriesTheBaselineAndEveryThresholdLineRatiosAsCounts() {
		// 14-day window, 28-day baseline before it: 2 incidents a week in the baseline,
		// 12 in the window.
		Map<LocalDate, Integer> counts = new java.util.HashMap<>();
		for (int week = 0; week < 4; week++) {
			counts.put(FROM.minusDays(14 + 7 * week), 2);
		}
		counts.put(FROM.minusDays(3), 12);
		AlertTrend trend = AlertTrend.of("attack-surge", 14, FROM.minusDays(1), FROM, counts,
				List.of(new AlertTrend.Threshold("min-count", 8)), new AlertTrend.Baseline(28, List
					.of(new AlertTrend.Ratio("ratio", 3.0, 0.5), new AlertTrend.Ratio("critical-ratio", 5.0, 0.5))),
				true);

		// Baseline on FROM: the 28 days ending 14 days before it hold 8 incidents, 4 per
		// 14 days.
		assertThat(trend.days().get(1).baseline()).isEqualTo(4.0);
		assertThat(trend.lines()).extracting(AlertTrend.Line::name, AlertTrend.Line::kind, AlertTrend.Line::last)
			.containsExactly(tuple("baseline", AlertTrend.LineKind.BASELINE, 4.0),
					tuple("ratio", AlertTrend.LineKind.RATIO, 6.0),
					tuple("critical-ratio", AlertTrend.LineKind.RATIO, 10.0),
					tuple("min-count", AlertTrend.LineKind.COUNT, 8.0));
		assertThat(trend.lines()).allSatisfy((line) -> assertThat(line.values()).hasSize(2));
		assertThat(trend.thresholdsText()).isEqualTo("ratio x1.5 = 6, critical-ratio x2.5 = 10, min-count 8");
		assertThat(trend.highest()).as("the scale reaches the highest count (14 in the window ending the day before)")
			.isEqualTo(14);
	}

}
