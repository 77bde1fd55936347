package com.ticketing.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

  @Test
  void findsTheMetricsButNotFunctionsLabelsRangesOrGroupings() {
    assertThat(
            PromQlMetricNames.in(
                "histogram_quantile(0.99, sum by (le) (rate(ticketing_saga_duration_seconds_bucket[$__rate_interval])))"
                    + " > 10 and on (instance) up{job=\"payment-saga\", uri=~\"/api/.*\"} offset 5m"))
        .containsExactly("ticketing_saga_duration_seconds_bucket", "up");
  }

  @Test
  void findsEverySideOfABinaryExpression() {
    assertThat(PromQlMetricNames.in("max(a_total) / ignoring(x) sum without (y) (b_seconds_count{z=\"1\"})"))
        .containsExactly("a_total", "b_seconds_count");
  }
}
