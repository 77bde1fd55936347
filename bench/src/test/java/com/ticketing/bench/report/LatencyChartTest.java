package com.ticketing.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyChartTest {

  @Test
  void drawsAPngWithoutADisplay(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("latest.png");

    LatencyChart.write(ExampleReports.report(), png);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1000);
    assertThat(image.getHeight()).isEqualTo(620);
  }
}
