package com.ticketing.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  private static final long[] ONE_TO_HUNDRED = LongStream.rangeClosed(1, 100).toArray();

  @Test
  void nearestRankOfOneToHundredIsThePercentileItself() {
    assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 50)).isEqualTo(50);
    assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 95)).isEqualTo(95);
    assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 99)).isEqualTo(99);
    assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 100)).isEqualTo(100);
  }

  @Test
  void aRankThatIsWholeIsNotRoundedUp() {
    long[] twenty = LongStream.rangeClosed(1, 20).toArray();

    assertThat(Percentiles.nearestRank(twenty, 95)).isEqualTo(19);
    assertThat(Percentiles.nearestRank(twenty, 50)).isEqualTo(10);
  }

  @Test
  void aFractionalRankTakesTheNextValueUp() {
    long[] ten = LongStream.rangeClosed(1, 10).map(i -> i * 10).toArray();

    assertThat(Percentiles.nearestRank(ten, 99)).isEqualTo(100);
    assertThat(Percentiles.nearestRank(ten, 95)).isEqualTo(100);
    assertThat(Percentiles.nearestRank(ten, 51)).isEqualTo(60);
  }

  @Test
  void everyPercentileOfOneValueIsThatValue() {
    assertThat(Percentiles.nearestRank(new long[] {7}, 1)).isEqualTo(7);
    assertThat(Percentiles.nearestRank(new long[] {7}, 99)).isEqualTo(7);
  }

  @Test
  void noValuesOrAPercentileOutsideZeroToHundredIsRefused() {
    assertThatThrownBy(() -> Percentiles.nearestRank(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(ONE_TO_HUNDRED, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(ONE_TO_HUNDRED, 101)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void summarySortsTheNanosecondsAndGivesMilliseconds() {
    long[] nanos = LongStream.rangeClosed(1, 100).map(i -> (101 - i) * 1_000_000L).toArray();

    LatencySummary summary = LatencySummary.ofNanos(nanos);

    assertThat(summary.p50()).isEqualTo(50.0);
    assertThat(summary.p95()).isEqualTo(95.0);
    assertThat(summary.p99()).isEqualTo(99.0);
    assertThat(summary.max()).isEqualTo(100.0);
    assertThat(summary.mean()).isEqualTo(50.5);
  }

  @Test
  void summaryKeepsMicroseconds() {
    assertThat(LatencySummary.ofNanos(new long[] {1_234_567}).p50()).isEqualTo(1.235);
  }

  @Test
  void noSamplesHaveNoSummary() {
    assertThat(LatencySummary.ofNanos(new long[0])).isNull();
  }
}
