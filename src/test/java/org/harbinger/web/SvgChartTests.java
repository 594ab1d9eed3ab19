package org.harbinger.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.harbinger.alert.AlertTrend;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's geometry from a trend: daily bars, the count over the rule's window,
 * thresholds on the same scale.
 */
class SvgChartTests {

	private static final LocalDate FROM = LocalDate.of(2022, 4, 1);

	@Test
	void barsAndTableOnlyForDaysWithIncidentsWhileTheWindowCountReachesBack() {
		Map<LocalDate, Integer> counts = Map.of(FROM.minusDays(2), 1, FROM, 2, FROM.plusDays(3), 1);

		SvgChart chart = SvgChart.of(AlertTrend.of("x", 6, FROM, FROM.plusDays(9), counts, List.of()), List.of());

		assertThat(chart.days()).containsExactly(new AlertTrend.Day(FROM, 2, 3),
				new AlertTrend.Day(FROM.plusDays(3), 1, 4));
		assertThat(chart.bars()).hasSize(2);
		assertThat(chart.bars().get(0).title()).isEqualTo("2022-04-01: 2 incidents");
		assertThat(chart.windowLine().split(" ")).hasSize(10);
		assertThat(chart.summary())
			.isEqualTo("3 incidents from 2022-04-01 to 2022-04-10; at most 4 in 6 days, on 2022-04-04.");
	}

	@Test
	void thresholdsShareTheScaleOfTheCountsAndRaiseItWhenHigher() {
		SvgChart chart = SvgChart.of(AlertTrend.of("x", 30, FROM, FROM.plusDays(29), Map.of(FROM, 1),
				List.of(new AlertTrend.Threshold("min-count", 8))), List.of());

		assertThat(chart.yTicks()).extracting(SvgChart.Tick::label).containsExactly("0", "2", "4", "6", "8");
		assertThat(chart.thresholds()).singleElement().satisfies((level) -> {
			assertThat(level.label()).isEqualTo("min-count 8");
			assertThat(level.lineY()).isEqualTo(chart.top());
			assertThat(level.points().split(" ")).as("a point a day").hasSize(30);
		});
		assertThat(chart.bars().get(0).height()).isEqualTo((chart.bottom() - chart.top()) / 8.0);
	}

	@Test
	void marksOnlyTheTransitionsInsideThePeriod() {
		SvgChart chart = SvgChart.of(AlertTrend.of("x", 5, FROM, FROM.plusDays(9), Map.of(), List.of()),
				List.of(new SvgChart.Event(FROM.minusDays(1), "FIRED", "before"),
						new SvgChart.Event(FROM.plusDays(4), "ESCALATED", "inside")));

		assertThat(chart.marks()).extracting(SvgChart.Mark::title).containsExactly("inside");
		assertThat(chart.summary()).startsWith("0 incidents from 2022-04-01");
	}

	@Test
	void lineLabelsAreInTheGutterRightOfThePlotAndApartFromEachOther() {
		SvgChart chart = SvgChart.of(
				AlertTrend.of("x", 30, FROM, FROM.plusDays(29), Map.of(FROM, 1), List
					.of(new AlertTrend.Threshold("min-count", 8), new AlertTrend.Threshold("critical-count", 8))),
				List.of());

		assertThat(chart.thresholds()).hasSize(2);
		assertThat(chart.right()).isLessThan(chart.width() - 150);
		double first = chart.thresholds().get(0).labelY();
		double second = chart.thresholds().get(1).labelY();
		assertThat(Math.abs(second - first)).as("two lines at one height: labels one under the other")
			.isGreaterThanOrEqualTo(13);
	}

}
