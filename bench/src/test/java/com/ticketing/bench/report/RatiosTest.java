package com.ticketing.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatiosTest {

  @Test
  void sagaIsComparedWithEachBaselineAtTheSameConcurrency() {
    List<Ratio> ratios =
        Ratios.of(List.of(
            ExampleReports.phase("saga", 20, 25.0, 700),
            ExampleReports.phase("ceiling", 20, 200.0, 100),
            ExampleReports.phase("direct", 20, 50.0, 70)));

    assertThat(ratios).containsExactly(
        new Ratio("ceiling", 20, 0.125, 7.0),
        new Ratio("direct", 20, 0.5, 10.0));
  }

  @Test
  void aConcurrencyWithoutTheBaselineHasNoRatio() {
    List<Ratio> ratios =
        Ratios.of(List.of(
            ExampleReports.phase("saga", 1, 2.0, 450),
            ExampleReports.phase("saga", 20, 25.0, 700),
            ExampleReports.phase("ceiling", 20, 200.0, 100)));

    assertThat(ratios).containsExactly(new Ratio("ceiling", 20, 0.125, 7.0));
  }

  @Test
  void aBaselineThatDidNothingGivesNoRatioInsteadOfInfinity() {
    List<Ratio> ratios =
        Ratios.of(List.of(ExampleReports.phase("saga", 20, 25.0, 700), ExampleReports.phase("direct", 20, 0.0, 0)));

    assertThat(ratios).containsExactly(new Ratio("direct", 20, null, null));
  }
}
