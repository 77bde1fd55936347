package com.ticketing.bench.report;

import java.util.Arrays;

/** Milliseconds at the percentiles that matter, with the mean and the worst; from nanosecond samples. */
public record LatencySummary(double p50, double p95, double p99, double max, double mean) {

  /** The summary of these durations in nanoseconds, or null when there are none. */
  public static LatencySummary ofNanos(long[] nanos) {
    if (nanos.length == 0) {
      return null;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new LatencySummary(
        millis(Percentiles.nearestRank(sorted, 50)),
        millis(Percentiles.nearestRank(sorted, 95)),
        millis(Percentiles.nearestRank(sorted, 99)),
        millis(sorted[sorted.length - 1]),
        millis(Math.round(Arrays.stream(sorted).average().orElse(0))));
  }

  /** Milliseconds to the microsecond: enough digits for a no-op, no noise beyond them. */
  private static double millis(long nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }
}
