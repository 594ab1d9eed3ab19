import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.harbinger.alert.AlertTrend;
import org.harbinger.digest.TrendPng;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * docs/charts.md: the hand-drawn trend PNG (digest.TrendPng) against XChart drawing the same
 * AlertTrend (bars, window count, baseline, ratio and count threshold lines) at the same size,
 * as PNG and SVG. Run by docs/bench/charts.sh; writes the images to the folder given.
 */
public class ChartBench {

	public static void main(String[] args) throws Exception {
		Path out = Path.of(args.length > 0 ? args[0] : "/tmp/chart-bench");
		Files.createDirectories(out);
		AlertTrend trend = trend();
		Files.write(out.resolve("hand.png"), TrendPng.png(trend));
		Files.write(out.resolve("xchart.png"), xchartPng(trend));
		Files.write(out.resolve("xchart.svg"), xchartSvg(trend));
		System.out.printf("bytes: hand PNG %d, XChart PNG %d, XChart SVG %d%n", TrendPng.png(trend).length,
				xchartPng(trend).length, xchartSvg(trend).length);
		time("hand PNG", () -> TrendPng.png(trend));
		time("XChart PNG", () -> xchartPng(trend));
		time("XChart SVG", () -> xchartSvg(trend));
	}

	interface Render {

		byte[] run() throws Exception;

	}

	/** Median of 5 runs of 200 renders after 300 to warm up, in ms per chart. */
	static void time(String name, Render render) throws Exception {
		for (int i = 0; i < 300; i++) {
			render.run();
		}
		List<Double> runs = new ArrayList<>();
		for (int run = 0; run < 5; run++) {
			long start = System.nanoTime();
			for (int i = 0; i < 200; i++) {
				render.run();
			}
			runs.add((System.nanoTime() - start) / 200 / 1e6);
		}
		runs.sort(null);
		System.out.printf("%-10s %.2f ms per chart (runs %s)%n", name, runs.get(2), runs);
	}

	/** An attack-surge trend as the demo's: 98 days, a 14-day window against an 84-day baseline, ratio 3, min-count 3. */
	static AlertTrend trend() {
		Random random = new Random(1);
		LocalDate to = LocalDate.of(2022, 5, 7);
		LocalDate from = to.minusDays(97);
		Map<LocalDate, Integer> counts = new HashMap<>();
		for (LocalDate day = from.minusDays(98); !day.isAfter(to); day = day.plusDays(1)) {
			double rate = day.isAfter(to.minusDays(14)) ? 1.2 : 0.3;
			int n = 0;
			while (random.nextDouble() < rate / (1 + rate) && n < 6) {
				n++;
			}
			if (n > 0) {
				counts.put(day, n);
			}
		}
		return AlertTrend.of("attack-surge", 14, from, to, counts, List.of(new AlertTrend.Threshold("min-count", 3)),
				new AlertTrend.Baseline(84, List.of(new AlertTrend.Ratio("ratio", 3.0, 1.0))), true);
	}

	static CategoryChart chart(AlertTrend trend) {
		CategoryChart chart = new CategoryChartBuilder().width(TrendPng.WIDTH)
			.height(TrendPng.HEIGHT)
			.title("attack-surge")
			.build();
		Styler styler = chart.getStyler();
		styler.setLegendPosition(Styler.LegendPosition.OutsideE);
		chart.getStyler().setOverlapped(true);
		chart.getStyler().setXAxisLabelRotation(0);
		chart.getStyler().setXAxisTickMarkSpacingHint(80);
		chart.getStyler().setPlotGridVerticalLinesVisible(false);
		List<String> days = trend.days().stream().map((day) -> day.date().toString().substring(5)).toList();
		chart.addSeries("incidents", days, trend.days().stream().map(AlertTrend.Day::count).toList())
			.setFillColor(new Color(0x8AA4C8));
		CategorySeries window = chart.addSeries("in 14 days", days, trend.days().stream().map(AlertTrend.Day::inWindow).toList());
		window.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
		window.setMarker(SeriesMarkers.NONE);
		for (AlertTrend.Line line : trend.lines()) {
			CategorySeries series = chart.addSeries(line.label(), days, line.values());
			series.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
			series.setMarker(SeriesMarkers.NONE);
			series.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
					(line.kind() == AlertTrend.LineKind.BASELINE) ? new float[] { 2, 3 } : new float[] { 6, 4 }, 0));
			series.setLineColor((line.kind() == AlertTrend.LineKind.BASELINE) ? new Color(0x57606A) : new Color(0xB00020));
		}
		return chart;
	}

	static byte[] xchartPng(AlertTrend trend) throws Exception {
		return BitmapEncoder.getBitmapBytes(chart(trend), BitmapEncoder.BitmapFormat.PNG);
	}

	static byte[] xchartSvg(AlertTrend trend) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		VectorGraphicsEncoder.saveVectorGraphic(chart(trend), out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
		return out.toByteArray();
	}

}
