package com.ticketing.bench.report;

/** Percentiles by the nearest-rank method: the smallest value with at least p% of the values at or below it. */
public final class Percentiles {

  private Percentiles() {}

  /**
   * The p-th percentile (0 &lt; p &le; 100) of values sorted ascending; every answer is one of
   * the measured values, never an interpolation between two.
   */
  public static long nearestRank(long[] sorted, double percentile) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], not " + percentile);
    }
    // The epsilon keeps p * n that is whole in exact arithmetic (95 * 20 / 100) from rounding up.
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length - 1e-9);
    return sorted[Math.max(rank, 1) - 1];
  }
}
