package org.harbinger.digest;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.harbinger.alert.AlertTrend;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest's PNG of a trend: bars, the window count, each threshold line and its label.
 */
class TrendPngTests {

	private static final LocalDate FROM = LocalDate.of(2022, 5, 5);

	@Test
	void drawsBarsTheWindowCountAndEachThresholdLineAsAPng() throws Exception {
		AlertTrend trend = AlertTrend.of("targeted-killings", 3, FROM, FROM.plusDays(2),
				Map.of(FROM, 2, FROM.plusDays(2), 3),
				List.of(new AlertTrend.Threshold("min-count", 3), new AlertTrend.Threshold("critical-count", 5)));

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(TrendPng.png(trend)));

		assertThat(trend.observed()).isEqualTo(5);
		assertThat(image.getWidth()).isEqualTo(TrendPng.WIDTH);
		assertThat(image.getHeight()).isEqualTo(TrendPng.HEIGHT);
		for (int threshold : new int[] { 3, 5 }) {
			int y = (int) Math.round(TrendPng.y(trend, threshold));
			assertThat(new Color(image.getRGB(TrendPng.WIDTH / 2 + 3, y)).getRed())
				.as("the dashed line of threshold %d is red", threshold)
				.isGreaterThan(150);
		}
	}

	@Test
	void lineLabelsSitRightOfThePlotAndNeverOnOneAnother() {
		AlertTrend trend = AlertTrend.of("x", 5, FROM, FROM.plusDays(9), Map.of(FROM, 9),
				List.of(new AlertTrend.Threshold("min-count", 8), new AlertTrend.Threshold("warning-count", 8),
						new AlertTrend.Threshold("critical-count", 9), new AlertTrend.Threshold("low-count", 0)));

		List<TrendPng.Label> labels = TrendPng.labels(trend);

		assertThat(labels).hasSize(4).allSatisfy((label) -> {
			assertThat(label.x()).isGreaterThan(TrendPng.PLOT_RIGHT);
			assertThat(label.y()).isBetween(TrendPng.PLOT_TOP - 10, TrendPng.PLOT_BOTTOM + 4);
		});
		for (int i = 1; i < labels.size(); i++) {
			assertThat(labels.get(i).y() - labels.get(i - 1).y()).as("room between labels").isGreaterThanOrEqualTo(12);
		}
	}

}
