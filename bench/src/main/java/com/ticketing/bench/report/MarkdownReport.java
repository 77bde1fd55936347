package com.ticketing.bench.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The report as markdown tables, ready to paste into the README (and printed at the end of a run). */
public final class MarkdownReport {

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private MarkdownReport() {}

  public static String render(BenchReport report) {
    StringBuilder md = new StringBuilder();
    md.append("### Saga bench, ").append(MINUTE.format(Instant.parse(report.date()))).append("\n\n");
    md.append(machineLine(report.machine())).append("\n");
    md.append(settingsLine(report.settings())).append("\n\n");
    md.append(phaseTable(report.phases())).append("\n");
    md.append(cpuTable(report.phases())).append("\n");
    if (!report.ratios().isEmpty()) {
      md.append(ratioTable(report.ratios())).append("\n");
    }
    for (HistoryStats history : report.histories()) {
      md.append(historyLine(history)).append("\n");
    }
    if (report.books() != null) {
      md.append(booksLine(report.books())).append("\n");
    }
    if (!report.notes().isEmpty()) {
      md.append("\n");
      report.notes().forEach(note -> md.append("- ").append(note).append("\n"));
    }
    return md.toString();
  }

  static String phaseTable(List<PhaseResult> phases) {
    StringBuilder table = new StringBuilder();
    table.append("| path | concurrency | sagas | sagas/s | p50 ms | p95 ms | p99 ms | start p50 ms | start p99 ms"
        + " | outcomes | CPU ms/saga | hold retries |\n");
    table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
    for (PhaseResult phase : phases) {
      LatencySummary latency = phase.latencyMs();
      LatencySummary start = phase.startMs();
      table.append("| ").append(phase.path())
          .append(" | ").append(phase.concurrency())
          .append(" | ").append(phase.requested())
          .append(" | ").append(fixed(phase.throughput(), 1))
          .append(" | ").append(latency == null ? "–" : millis(latency.p50()))
          .append(" | ").append(latency == null ? "–" : millis(latency.p95()))
          .append(" | ").append(latency == null ? "–" : millis(latency.p99()))
          .append(" | ").append(start == null ? "–" : millis(start.p50()))
          .append(" | ").append(start == null ? "–" : millis(start.p99()))
          .append(" | ").append(outcomes(phase.outcomes()))
          .append(" | ").append(phase.cpu() == null || phase.cpu().perSagaMillis() == null
              ? "–" : fixed(phase.cpu().perSagaMillis(), 1))
          .append(" | ").append(phase.path().equals("ceiling") ? "–" : String.valueOf(phase.holdRetries()))
          .append(" |\n");
    }
    return table.toString();
  }

  /** Where each run's CPU time went, in seconds per process, and which of them its CPU ms/saga counts. */
  static String cpuTable(List<PhaseResult> phases) {
    StringBuilder table = new StringBuilder();
    table.append("| path | concurrency | service JVM CPU s | temporal CPU s | mariadbd CPU s | bench JVM CPU s"
        + " | CPU ms/saga counts |\n");
    table.append("|---|---:|---:|---:|---:|---:|---|\n");
    for (PhaseResult phase : phases) {
      CpuUsage cpu = phase.cpu();
      table.append("| ").append(phase.path())
          .append(" | ").append(phase.concurrency())
          .append(" | ").append(cpu == null ? "–" : seconds(cpu.service()))
          .append(" | ").append(cpu == null ? "–" : seconds(cpu.temporal()))
          .append(" | ").append(cpu == null ? "–" : seconds(cpu.mariaDb()))
          .append(" | ").append(cpu == null ? "–" : seconds(cpu.bench()))
          .append(" | ").append(cpu == null ? "–" : cpu.counted())
          .append(" |\n");
    }
    return table.toString();
  }

  static String ratioTable(List<Ratio> ratios) {
    List<String> baselines = ratios.stream().map(Ratio::baseline).distinct().toList();
    List<Integer> concurrencies = ratios.stream().map(Ratio::concurrency).distinct().sorted().toList();
    StringBuilder table = new StringBuilder("| concurrency |");
    baselines.forEach(b -> table.append(" saga ÷ ").append(b).append(" sagas/s | saga ÷ ").append(b).append(" p50 |"));
    table.append("\n|---:|").append("---:|---:|".repeat(baselines.size())).append("\n");
    for (int concurrency : concurrencies) {
      table.append("| ").append(concurrency).append(" |");
      for (String baseline : baselines) {
        Ratio ratio = ratios.stream()
            .filter(r -> r.baseline().equals(baseline) && r.concurrency() == concurrency)
            .findFirst()
            .orElse(null);
        table.append(" ").append(ratio == null ? "–" : times(ratio.throughput()))
            .append(" | ").append(ratio == null ? "–" : times(ratio.p50())).append(" |");
      }
      table.append("\n");
    }
    return table.toString();
  }

  private static String machineLine(MachineFacts machine) {
    return String.format(Locale.ROOT,
        "Machine: %d cores%s, %.1f GiB, Java %s (%s), %s; load average %s at start, %s at end.",
        machine.cores(),
        machine.cpuModel() == null ? "" : " (" + machine.cpuModel() + ")",
        machine.memoryBytes() / (1024.0 * 1024 * 1024),
        machine.javaVersion(),
        machine.javaVm(),
        machine.os(),
        machine.loadAverageAtStart() == null ? "?" : fixed(machine.loadAverageAtStart(), 2),
        machine.loadAverageAtEnd() == null ? "?" : fixed(machine.loadAverageAtEnd(), 2));
  }

  private static String settingsLine(RunSettings settings) {
    String perConcurrency = settings.concurrencies().stream()
        .map(c -> (c == 1 ? settings.sequentialSagas() : settings.sagas()) + " at " + c)
        .collect(Collectors.joining(", "));
    return String.format(Locale.ROOT,
        "Service: %s (heap %s, %,d users, %,d seats), %s%s. Sagas per path: %s; warm-up %d; polling every %d ms.",
        settings.service(),
        settings.serviceHeap(),
        settings.demoUsers(),
        settings.demoSeats(),
        settings.temporal(),
        settings.gitCommit() == null ? "" : ", commit " + settings.gitCommit(),
        perConcurrency,
        settings.warmup(),
        settings.pollIntervalMillis());
  }

  private static String historyLine(HistoryStats history) {
    return String.format(Locale.ROOT,
        "Temporal history per successful %s workflow (sample of %d): %s events (%d–%d), %s activity tasks,"
            + " %s workflow tasks; its tasks waited %s ms in workflow-task queues and %s ms in activity-task"
            + " queues.  ",
        history.path(),
        history.sampled(),
        fixed(history.events(), 1),
        history.minEvents(),
        history.maxEvents(),
        fixed(history.activityTasks(), 1),
        fixed(history.workflowTasks(), 1),
        millis(history.workflowTaskQueueMs()),
        millis(history.activityTaskQueueMs()));
  }

  private static String booksLine(Books books) {
    if (books.violations() == null) {
      return "Books after the run: not checked (" + books.note() + ").";
    }
    return String.format(Locale.ROOT,
        "Books after the run (the service's reconciliation): %,d payment rows and %d workflow results checked,"
            + " %d violations.",
        books.sagasChecked(), books.workflowsChecked(), books.violations());
  }

  private static String outcomes(Map<String, Integer> outcomes) {
    return outcomes.entrySet().stream()
        .map(entry -> entry.getKey() + " " + entry.getValue())
        .collect(Collectors.joining(", "));
  }

  /** Three significant figures at most for small values, whole milliseconds from 100 on. */
  static String millis(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return value >= 10 ? fixed(value, 1) : fixed(value, 2);
  }

  private static String seconds(Double value) {
    return value == null ? "–" : fixed(value, 2);
  }

  private static String times(Double ratio) {
    return ratio == null ? "–" : fixed(ratio, 2) + "×";
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
