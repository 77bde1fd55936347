package com.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.bench.report.PhaseResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseSummaryTest {

  private static final long MS = 1_000_000L;

  private static Sample success(String id, int holdAttempts, long totalMillis) {
    return new Sample(id, 0, Sample.SUCCESS, holdAttempts, 3 * MS, 10 * MS, totalMillis * MS, 1, null);
  }

  /** On the Temporal test server: no Temporal process, its CPU time is the service JVM's. */
  private static CpuMeter.Snapshot cpu(long serviceMillis, long mariaDbMillis, long benchMillis) {
    return new CpuMeter.Snapshot(
        Duration.ofMillis(serviceMillis), null, Duration.ofMillis(mariaDbMillis), Duration.ofMillis(benchMillis), true);
  }

  /** On the Temporal dev server, a process of its own. */
  private static CpuMeter.Snapshot cpu(long serviceMillis, long temporalMillis, long mariaDbMillis, long benchMillis) {
    return new CpuMeter.Snapshot(
        Duration.ofMillis(serviceMillis), Duration.ofMillis(temporalMillis), Duration.ofMillis(mariaDbMillis),
        Duration.ofMillis(benchMillis), false);
  }

  @Test
  void throughputIsSuccessfulSagasPerSecondOfWallTimeAndLatencyCountsOnlyThem() {
    List<Sample> samples =
        List.of(
            success("a", 1, 100),
            success("b", 3, 300),
            new Sample("c", 0, Sample.TIMEOUT, 1, 3 * MS, 10 * MS, -1, 0, "not final"),
            Sample.error("d", 0, 30, 500 * MS, "hold answered 503"));
    LoadRunner.Measurement run =
        new LoadRunner.Measurement(samples, 5, 1, 0, 2_000 * MS, cpu(0, 0, 0), cpu(400, 100, 1000));

    PhaseResult result = PhaseSummary.of(BenchPath.SAGA, 20, run, CpuMeter.Counted.SERVICE_AND_DATABASE);

    assertThat(result.path()).isEqualTo("saga");
    assertThat(result.requested()).isEqualTo(5);
    assertThat(result.finished()).isEqualTo(4);
    assertThat(result.wallSeconds()).isEqualTo(2.0);
    assertThat(result.throughput()).isEqualTo(1.0);
    assertThat(result.latencyMs().p50()).isEqualTo(100.0);
    assertThat(result.latencyMs().max()).isEqualTo(300.0);
    assertThat(result.startMs().p99()).isEqualTo(10.0);
    assertThat(result.holdMs().max()).isEqualTo(500.0);
    assertThat(result.holdRetries()).isEqualTo(0 + 2 + 0 + 29);
    assertThat(result.paymentRetries()).isEqualTo(2);
    assertThat(result.outcomes()).containsExactly(
        entry("SUCCESS", 2), entry("ERROR", 1), entry("TIMEOUT", 1), entry("NOT_STARTED", 1));
    assertThat(result.errors()).containsExactly("TIMEOUT c: not final", "ERROR d: hold answered 503");
  }

  @Test
  void cpuPerSagaOfTheSagaLeavesTheBenchJvmOut() {
    LoadRunner.Measurement run =
        new LoadRunner.Measurement(List.of(success("a", 1, 1), success("b", 1, 1)), 2, 0, 0, MS,
            cpu(1000, 500, 0), cpu(1400, 600, 2000));

    PhaseResult saga = PhaseSummary.of(BenchPath.SAGA, 1, run, CpuMeter.Counted.SERVICE_AND_DATABASE);
    PhaseResult direct = PhaseSummary.of(BenchPath.DIRECT, 1, run, CpuMeter.Counted.SERVICE_DATABASE_AND_BENCH);

    assertThat(saga.cpu().service()).isEqualTo(0.4);
    assertThat(saga.cpu().temporal()).isNull();
    assertThat(saga.cpu().mariaDb()).isEqualTo(0.1);
    assertThat(saga.cpu().bench()).isEqualTo(2.0);
    assertThat(saga.cpu().perSagaMillis()).isEqualTo(250.0);
    assertThat(saga.cpu().counted()).isEqualTo("service JVM (with the in-process Temporal test server) + mariadbd");
    assertThat(direct.cpu().perSagaMillis()).isEqualTo(1250.0);
    assertThat(direct.cpu().counted())
        .isEqualTo("service JVM (with the in-process Temporal test server) + mariadbd + bench JVM");
  }

  @Test
  void cpuPerSagaCountsTheTemporalDevServerProcessOnBothSides() {
    LoadRunner.Measurement run =
        new LoadRunner.Measurement(List.of(success("a", 1, 1), success("b", 1, 1)), 2, 0, 0, MS,
            cpu(1000, 3000, 500, 0), cpu(1400, 3200, 600, 2000));

    PhaseResult saga = PhaseSummary.of(BenchPath.SAGA, 1, run, CpuMeter.Counted.SERVICE_AND_DATABASE);
    PhaseResult ceiling = PhaseSummary.of(BenchPath.CEILING, 1, run, CpuMeter.Counted.SERVICE_DATABASE_AND_BENCH);

    assertThat(saga.cpu().service()).isEqualTo(0.4);
    assertThat(saga.cpu().temporal()).isEqualTo(0.2);
    assertThat(saga.cpu().mariaDb()).isEqualTo(0.1);
    assertThat(saga.cpu().perSagaMillis()).isEqualTo(350.0);
    assertThat(saga.cpu().counted()).isEqualTo("service JVM + temporal dev server + mariadbd");
    assertThat(ceiling.cpu().perSagaMillis()).isEqualTo(1350.0);
    assertThat(ceiling.cpu().counted()).isEqualTo("service JVM + temporal dev server + mariadbd + bench JVM");
  }

  @Test
  void processesThatCouldNotBeReadAreLeftOutAndSaidSo() {
    CpuMeter.Snapshot benchOnly = new CpuMeter.Snapshot(null, null, null, Duration.ZERO, false);
    LoadRunner.Measurement run =
        new LoadRunner.Measurement(List.of(success("a", 1, 1)), 1, 0, 0, MS, benchOnly,
            new CpuMeter.Snapshot(null, null, null, Duration.ofMillis(30), false));

    PhaseResult saga = PhaseSummary.of(BenchPath.SAGA, 1, run, CpuMeter.Counted.SERVICE_AND_DATABASE);

    assertThat(saga.cpu().service()).isNull();
    assertThat(saga.cpu().perSagaMillis()).isNull();
    assertThat(saga.cpu().counted()).isEqualTo("nothing measurable");
  }

  @Test
  void aRunWithNoSuccessHasNoLatencyButItsOutcomes() {
    LoadRunner.Measurement run =
        new LoadRunner.Measurement(List.of(Sample.error("x", 0, 1, -1, "boom")), 1, 0, 0, MS, cpu(0, 0, 0), cpu(0, 0, 0));

    PhaseResult result = PhaseSummary.of(BenchPath.DIRECT, 1, run, CpuMeter.Counted.SERVICE_DATABASE_AND_BENCH);

    assertThat(result.latencyMs()).isNull();
    assertThat(result.throughput()).isZero();
    assertThat(result.outcomes()).containsExactly(entry("ERROR", 1));
  }

  private static java.util.Map.Entry<String, Integer> entry(String key, int value) {
    return java.util.Map.entry(key, value);
  }
}
