package org.harbinger.alert;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The trend's numbers (daily counts, the count over the rule's window, thresholds) and the PNG drawn from them. */
class TrendChartsTests {

	private static final LocalDate FROM = LocalDate.of(2022, 5, 5);

	@Test
	void windowCountSlidesOverTheRulesWindowIncludingDaysBeforeTheTrend() {
		Map<LocalDate, Integer> counts = Map.of(FROM.minusDays(2), 1, FROM, 2, FROM.plusDays(3), 1, FROM.plusDays(7), 4);

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

	@Test
	void drawsBarsTheWindowCountAndEachThresholdLineAsAPng() throws Exception {
		AlertTrend trend = AlertTrend.of("targeted-killings", 3, FROM, FROM.plusDays(2),
				Map.of(FROM, 2, FROM.plusDays(2), 3), List.of(new AlertTrend.Threshold("min-count", 3),
						new AlertTrend.Threshold("critical-count", 5)));

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(new TrendCharts(null, null, null).png(trend)));

		assertThat(trend.observed()).isEqualTo(5);
		assertThat(image.getWidth()).isEqualTo(TrendCharts.WIDTH);
		assertThat(image.getHeight()).isEqualTo(TrendCharts.HEIGHT);
		int bottom = TrendCharts.HEIGHT - 22;
		for (int threshold : new int[] { 3, 5 }) {
			int y = (int) Math.round(bottom - threshold * (bottom - 24) / 5.0);
			assertThat(new Color(image.getRGB(TrendCharts.WIDTH / 2 + 3, y)).getRed())
				.as("the dashed line of threshold %d is red", threshold)
				.isGreaterThan(150);
		}
	}

}
