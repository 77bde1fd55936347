package com.ticketing.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Latency percentiles against concurrency, one colour per path and one line style per
 * percentile, on a logarithmic axis: the ceiling's milliseconds and the saga's hundreds fit one picture.
 */
public final class LatencyChart {

  private static final Map<String, Color> PATH_COLOURS =
      Map.of("saga", new Color(0xC0392B), "ceiling", new Color(0x2471A3), "direct", new Color(0x229954));

  private record Percentile(String label, ToDoubleFunction<LatencySummary> value, Stroke stroke) {}

  private static final List<Percentile> PERCENTILES =
      List.of(
          new Percentile("p50", LatencySummary::p50, new BasicStroke(2.5f)),
          new Percentile("p95", LatencySummary::p95, dashed(new float[] {8f, 5f})),
          new Percentile("p99", LatencySummary::p99, dashed(new float[] {2f, 4f})));

  private LatencyChart() {}

  public static void write(BenchReport report, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYSeriesCollection dataset = new XYSeriesCollection();
    List<String> paths = report.phases().stream().map(PhaseResult::path).distinct().toList();
    for (String path : paths) {
      for (Percentile percentile : PERCENTILES) {
        XYSeries series = new XYSeries(path + " " + percentile.label());
        report.phases().stream()
            .filter(phase -> phase.path().equals(path) && phase.latencyMs() != null)
            .forEach(phase -> series.add(
                phase.concurrency(), Math.max(0.001, percentile.value().applyAsDouble(phase.latencyMs()))));
        dataset.addSeries(series);
      }
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Latency from start to final answer, " + report.date().substring(0, 10),
            "concurrency (sagas in flight)",
            "latency (ms, log scale)",
            dataset,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    LogarithmicAxis latencyAxis = new LogarithmicAxis("latency (ms, log scale)");
    latencyAxis.setStrictValuesFlag(false);
    latencyAxis.setAutoRangeNextLogFlag(true); // whole decades: 1, 10, 100, 1000 ms at the ends
    latencyAxis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
    plot.setRangeAxis(latencyAxis);
    NumberAxis concurrencyAxis = (NumberAxis) plot.getDomainAxis();
    concurrencyAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    int series = 0;
    for (String path : paths) {
      for (Percentile percentile : PERCENTILES) {
        renderer.setSeriesPaint(series, PATH_COLOURS.getOrDefault(path, Color.DARK_GRAY));
        renderer.setSeriesStroke(series, percentile.stroke());
        series++;
      }
    }
    plot.setRenderer(renderer);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 620);
  }

  private static Stroke dashed(float[] pattern) {
    return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, pattern, 0f);
  }
}
