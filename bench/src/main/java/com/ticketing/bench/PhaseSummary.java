package com.ticketing.bench;

import com.ticketing.bench.report.CpuUsage;
import com.ticketing.bench.report.LatencySummary;
import com.ticketing.bench.report.PhaseResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/** Turns one run's samples into its figures. */
final class PhaseSummary {

  private static final int ERRORS_KEPT = 5;

  private PhaseSummary() {}

  static PhaseResult of(BenchPath path, int concurrency, LoadRunner.Measurement run, CpuMeter.Counted counted) {
    List<Sample> samples = run.samples();
    List<Sample> succeeded = samples.stream().filter(Sample::succeeded).toList();
    double wallSeconds = run.wallNanos() / 1e9;
    CpuUsage cpu = CpuMeter.between(run.cpuBefore(), run.cpuAfter(), samples.size(), counted);
    return new PhaseResult(
        path.label(),
        concurrency,
        run.requested(),
        samples.size(),
        Math.round(wallSeconds * 1000) / 1000.0,
        wallSeconds > 0 ? Math.round(succeeded.size() / wallSeconds * 100) / 100.0 : 0,
        latencies(succeeded, Sample::totalNanos),
        latencies(samples, Sample::startNanos),
        latencies(samples, Sample::holdNanos),
        samples.stream().mapToInt(sample -> Math.max(0, sample.holdAttempts() - 1)).sum(),
        samples.stream().mapToInt(Sample::paymentRetries).sum(),
        outcomes(samples, run.notStarted()),
        samples.stream()
            .filter(sample -> sample.error() != null)
            .map(sample -> sample.outcome() + " " + sample.sagaId() + ": " + sample.error())
            .limit(ERRORS_KEPT)
            .toList(),
        cpu);
  }

  /** SUCCESS first, then the others by name, then the sagas that never started. */
  static Map<String, Integer> outcomes(List<Sample> samples, int notStarted) {
    Map<String, Integer> others = new TreeMap<>();
    samples.forEach(sample -> others.merge(sample.outcome(), 1, Integer::sum));
    Map<String, Integer> ordered = new LinkedHashMap<>();
    Integer succeeded = others.remove(Sample.SUCCESS);
    if (succeeded != null) {
      ordered.put(Sample.SUCCESS, succeeded);
    }
    ordered.putAll(others);
    if (notStarted > 0) {
      ordered.put(Sample.NOT_STARTED, notStarted);
    }
    return ordered;
  }

  private static LatencySummary latencies(List<Sample> samples, ToLongFunction<Sample> duration) {
    return LatencySummary.ofNanos(samples.stream().mapToLong(duration).filter(nanos -> nanos >= 0).toArray());
  }
}
