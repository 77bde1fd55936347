package com.ticketing.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small, complete report with made-up figures, for the tests of its renderings. */
public final class ExampleReports {

  private ExampleReports() {}

  public static PhaseResult phase(String path, int concurrency, double throughput, double p50) {
    return phase(path, concurrency, throughput, p50,
        new CpuUsage(1.0, 0.5, 0.5, 0.25, 20.0, "service JVM + temporal dev server + mariadbd"));
  }

  public static PhaseResult phase(String path, int concurrency, double throughput, double p50, CpuUsage cpu) {
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    outcomes.put("SUCCESS", 100);
    return new PhaseResult(
        path,
        concurrency,
        100,
        100,
        100 / throughput,
        throughput,
        new LatencySummary(p50, p50 * 2, p50 * 3, p50 * 4, p50 * 1.2),
        new LatencySummary(5, 9, 12, 20, 6),
        path.equals("ceiling") ? null : new LatencySummary(3, 4, 5, 6, 3.5),
        path.equals("ceiling") ? 0 : 2,
        0,
        outcomes,
        List.of(),
        cpu);
  }

  public static BenchReport report() {
    List<PhaseResult> phases =
        List.of(
            phase("saga", 1, 2.0, 450),
            phase("saga", 20, 25.0, 700),
            phase("ceiling", 1, 20.0, 45),
            phase("ceiling", 20, 200.0, 90),
            phase("direct", 1, 40.0, 20),
            phase("direct", 20, 250.0, 60));
    return new BenchReport(
        "2026-11-26T20:48:00Z",
        new MachineFacts(2, 24L << 30, "AMD EPYC", "17.0.15", "OpenJDK 64-Bit Server VM", "Linux amd64", 1.5, 2.5),
        new RunSettings(
            "embedded", "Temporal dev server (temporal version 1.9.1 (Server 1.32.0, UI 2.54.1))", "abc1234",
            100, 10, List.of(1, 20), 20, 50, List.of("saga", "ceiling", "direct"), "2g",
            10_000, 25_000, 1_000_000, 7, 24),
        phases,
        Ratios.of(phases),
        List.of(new HistoryStats("saga", 20, 50, 7, 8, 50, 50, 120.4, 40.25)),
        new Books(412L, 200, 0, null),
        List.of("a note"));
  }
}
