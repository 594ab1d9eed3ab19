package org.harbinger.alert;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrendChartsTests {

	@Test
	void drawsBarsTheRunningCountAndTheThresholdLineAsAPng() throws Exception {
		LocalDate from = LocalDate.of(2022, 5, 5);
		AlertTrend trend = new AlertTrend(1, "targeted-killings", "Afghanistan/Kabul", 3, from, from.plusDays(2),
				List.of(new AlertTrend.Day(from, 2, 2), new AlertTrend.Day(from.plusDays(1), 0, 2),
						new AlertTrend.Day(from.plusDays(2), 3, 5)),
				"min-count", 3);

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(new TrendCharts(null, null, null).png(trend)));

		assertThat(trend.observed()).isEqualTo(5);
		assertThat(trend.peak()).isEqualTo(3);
		assertThat(image.getWidth()).isEqualTo(TrendCharts.WIDTH);
		assertThat(image.getHeight()).isEqualTo(TrendCharts.HEIGHT);
		int bottom = TrendCharts.HEIGHT - 22;
		int thresholdY = (int) Math.round(bottom - 3 * (bottom - 24) / 5.0);
		assertThat(new Color(image.getRGB(TrendCharts.WIDTH / 2 + 3, thresholdY)).getRed())
			.as("the dashed threshold line is red").isGreaterThan(150);
	}

}
