package com.ticketing.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  @Test
  void phaseTableHasAHeaderAndOneRowPerPathAndConcurrency() {
    List<String> lines =
        MarkdownReport.phaseTable(List.of(ExampleReports.phase("saga", 20, 25.0, 700))).lines().toList();

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("| path | concurrency | sagas | sagas/s | p50 ms | p95 ms | p99 ms |");
    assertThat(lines.get(1)).startsWith("|---|---:|");
    assertThat(lines.get(2)).isEqualTo(
        "| saga | 20 | 100 | 25.0 | 700 | 1400 | 2100 | 5.00 | 12.0 | SUCCESS 100 | 20.0 | 2 |");
  }

  @Test
  void everyRowHasAsManyCellsAsTheHeader() {
    String table = MarkdownReport.phaseTable(ExampleReports.report().phases());

    assertThat(table.lines().map(line -> line.chars().filter(c -> c == '|').count()).distinct()).containsExactly(13L);
  }

  @Test
  void cpuTableShowsTheSecondsOfEachProcessAndWhatThePerSagaFigureCounts() {
    PhaseResult onTheTestServer =
        ExampleReports.phase("ceiling", 1, 20.0, 45,
            new CpuUsage(2.0, null, 0.5, 1.25, 37.5,
                "service JVM (with the in-process Temporal test server) + mariadbd + bench JVM"));
    List<String> lines =
        MarkdownReport.cpuTable(List.of(ExampleReports.phase("saga", 20, 25.0, 700), onTheTestServer)).lines().toList();

    assertThat(lines).containsExactly(
        "| path | concurrency | service JVM CPU s | temporal CPU s | mariadbd CPU s | bench JVM CPU s"
            + " | CPU ms/saga counts |",
        "|---|---:|---:|---:|---:|---:|---|",
        "| saga | 20 | 1.00 | 0.50 | 0.50 | 0.25 | service JVM + temporal dev server + mariadbd |",
        "| ceiling | 1 | 2.00 | – | 0.50 | 1.25 | service JVM (with the in-process Temporal test server) + mariadbd"
            + " + bench JVM |");
  }

  @Test
  void ratioTableHasOneRowPerConcurrencyAndTwoColumnsPerBaseline() {
    String table = MarkdownReport.ratioTable(ExampleReports.report().ratios());

    assertThat(table.lines().toList()).containsExactly(
        "| concurrency | saga ÷ ceiling sagas/s | saga ÷ ceiling p50 | saga ÷ direct sagas/s | saga ÷ direct p50 |",
        "|---:|---:|---:|---:|---:|",
        "| 1 | 0.10× | 10.00× | 0.05× | 22.50× |",
        "| 20 | 0.13× | 7.78× | 0.10× | 11.67× |");
  }

  @Test
  void millisecondsShowThreeSignificantFiguresUpToAHundred() {
    assertThat(MarkdownReport.millis(1.23456)).isEqualTo("1.23");
    assertThat(MarkdownReport.millis(12.3456)).isEqualTo("12.3");
    assertThat(MarkdownReport.millis(1234.56)).isEqualTo("1235");
  }

  @Test
  void theWholeReportNamesItsDateMachineHistoriesBooksAndNotes() {
    String markdown = MarkdownReport.render(ExampleReports.report());

    assertThat(markdown)
        .startsWith("### Saga bench, 2026-11-26 20:48 UTC")
        .contains("Machine: 2 cores (AMD EPYC), 24.0 GiB, Java 17.0.15")
        .contains("load average 1.50 at start, 2.50 at end")
        .contains("Service: embedded (heap 2g, 10,000 users, 25,000 seats), Temporal dev server (temporal version"
            + " 1.9.1 (Server 1.32.0, UI 2.54.1)), commit abc1234.")
        .contains("Sagas per path: 10 at 1, 100 at 20; warm-up 20; polling every 50 ms")
        .contains("| saga | 20 | 1.00 | 0.50 | 0.50 | 0.25 | service JVM + temporal dev server + mariadbd |")
        .contains("(sample of 20): 50.0 events (50–50), 7.0 activity tasks, 8.0 workflow tasks;"
            + " its tasks waited 120 ms in workflow-task queues and 40.3 ms in activity-task queues")
        .contains("412 payment rows and 200 workflow results checked, 0 violations")
        .contains("- a note");
  }
}
