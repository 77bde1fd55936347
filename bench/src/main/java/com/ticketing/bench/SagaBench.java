package com.ticketing.bench;

import com.ticketing.bench.direct.DirectPath;
import com.ticketing.bench.report.BenchReport;
import com.ticketing.bench.report.Books;
import com.ticketing.bench.report.HistoryStats;
import com.ticketing.bench.report.LatencyChart;
import com.ticketing.bench.report.MarkdownReport;
import com.ticketing.bench.report.PhaseResult;
import com.ticketing.bench.report.Ratios;
import com.ticketing.bench.report.ReportJson;
import com.ticketing.bench.report.RunSettings;
import com.ticketing.bench.service.ServiceUnderTest;
import com.ticketing.bench.temporal.FrameworkCeilingPath;
import com.ticketing.bench.temporal.HistoryCounter;
import com.ticketing.bench.temporal.TemporalConnection;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The saga at ticket-sale speed: starts the service, drives its saga over REST at each
 * concurrency, runs the two baselines against the same engines, and writes the figures to
 * bench/results (latest.json, latest.md, latest.png). See README, "Performance".
 */
public final class SagaBench {

  private static final int SEQUENTIAL_WARMUP = 10;
  private static final int SLOWEST_SAMPLE = 5;

  private final BenchOptions options;
  private final PrintStream out;
  private final String runId = Long.toString(System.currentTimeMillis(), 36);

  SagaBench(BenchOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(BenchOptions.usage());
      return;
    }
    BenchOptions options;
    try {
      Map<String, String> properties = new HashMap<>();
      System.getProperties().forEach((key, value) -> properties.put(key.toString(), value.toString()));
      options = BenchOptions.parse(List.of(args), properties, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    int exitCode;
    try {
      exitCode = new SagaBench(options, System.out).run();
    } catch (RuntimeException e) {
      System.err.println("bench failed: " + e.getMessage());
      e.printStackTrace();
      exitCode = 3;
    }
    System.exit(exitCode);
  }

  /** Runs everything and returns the exit code: 0 when every saga succeeded and the books hold. */
  int run() {
    Double loadAtStart = MachineProbe.loadAverage();
    String gitCommit = MachineProbe.gitCommit(); // now: the jars were just built from this tree
    Instant began = Instant.now();
    out.println(plan());
    out.printf("starting the service (%s)…%n", options.service().label());
    ServiceUnderTest service = ServiceUnderTest.start(options);
    Thread stopOnInterrupt = new Thread(service::close, "bench-stop-service");
    Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
    try (service;
        TemporalConnection temporal =
            TemporalConnection.open(service.engines().temporalTarget(), options.temporalNamespace())) {
      out.printf("service up after %d s: %s%n", Duration.between(began, Instant.now()).toSeconds(), service.description());
      CpuMeter meter =
          new CpuMeter(
              service.serviceProcess(), service.temporalProcess(), service.mariaDbProcess(), service.temporalInServiceJvm());
      SagaNumbers numbers = new SagaNumbers(options.idOffset());
      List<PhaseResult> phases = new ArrayList<>();
      Map<BenchPath, List<Sample>> succeeded = new EnumMap<>(BenchPath.class);
      Books books = null;
      for (BenchPath kind : options.paths()) {
        try (SagaPath path = open(kind, service, temporal, numbers)) {
          warmUp(path, meter);
          for (int concurrency : options.concurrencies()) {
            pause(options.settle());
            PhaseResult result = measure(path, concurrency, meter, succeeded);
            phases.add(result);
          }
        }
        if (kind == BenchPath.SAGA) {
          // Now, while the newest payment rows are the saga's: the check compares those with
          // their workflows' results, and the direct path's rows have no workflow.
          books = BooksCheck.run(service.api().baseUrl(), service.operatorToken(), out);
        }
      }
      List<HistoryStats> histories = histories(temporal, succeeded);
      BenchReport report =
          new BenchReport(
              began.truncatedTo(ChronoUnit.SECONDS).toString(),
              MachineProbe.describe(loadAtStart),
              settings(gitCommit, service),
              phases,
              Ratios.of(phases),
              histories,
              books,
              notes(service, phases));
      writeResults(report);
      boolean clean =
          phases.stream().allMatch(phase -> phase.succeeded() == phase.requested())
              && (books == null || books.violations() == null || books.violations() == 0);
      return clean ? 0 : 1;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running already
      }
    }
  }

  private SagaPath open(BenchPath kind, ServiceUnderTest service, TemporalConnection temporal, SagaNumbers numbers) {
    return switch (kind) {
      case SAGA -> new RestSagaPath(service.api(), numbers, options.pollInterval(), options.sagaTimeout(), runId);
      case CEILING -> new FrameworkCeilingPath(temporal.client(), options.ceilingActivities(), options.sagaTimeout(), runId);
      case DIRECT -> {
        if (!service.engines().hasDatabaseAndKafka()) {
          throw new IllegalStateException("the direct path needs the service's database and Kafka addresses");
        }
        yield DirectPath.start(service.engines(), options.directPoolSize(), numbers, runId);
      }
    };
  }

  /**
   * A few sagas one at a time, then the rest at the highest concurrency. Starting cold at full
   * concurrency makes the first workflow tasks (class loading, no JIT yet) run past Temporal's
   * 1 s deadlock detector, and each such task waits out its 10 s timeout.
   */
  private void warmUp(SagaPath path, CpuMeter meter) {
    if (options.warmup() == 0) {
      return;
    }
    int sequential = Math.min(SEQUENTIAL_WARMUP, options.warmup());
    int concurrency = options.concurrencies().get(options.concurrencies().size() - 1);
    Map<String, Integer> outcomes = new TreeMap<>();
    long began = System.nanoTime();
    warmUpRun(path, 1, sequential, meter, outcomes);
    warmUpRun(path, concurrency, options.warmup() - sequential, meter, outcomes);
    out.printf("%-7s warm-up: %d sagas (%d one at a time, then at concurrency %d) in %.1f s, %s%n",
        path.kind().label(), options.warmup(), sequential, concurrency, (System.nanoTime() - began) / 1e9, outcomes);
  }

  private void warmUpRun(SagaPath path, int concurrency, int count, CpuMeter meter, Map<String, Integer> outcomes) {
    if (count > 0) {
      LoadRunner.Measurement run =
          LoadRunner.run(path, concurrency, count, options.phaseTimeout(), options.sagaTimeout(), meter);
      PhaseSummary.outcomes(run.samples(), run.notStarted()).forEach((outcome, n) -> outcomes.merge(outcome, n, Integer::sum));
    }
  }

  private PhaseResult measure(SagaPath path, int concurrency, CpuMeter meter, Map<BenchPath, List<Sample>> succeeded) {
    int count = options.sagasAt(concurrency);
    LoadRunner.Measurement run =
        LoadRunner.run(path, concurrency, count, options.phaseTimeout(), options.sagaTimeout(), meter);
    PhaseResult result = PhaseSummary.of(path.kind(), concurrency, run, path.counted());
    out.printf(Locale.ROOT, "%-7s c=%-3d %5d sagas in %7.1f s: %7.1f sagas/s, p50 %s ms, p99 %s ms, %s%n",
        result.path(), concurrency, count, result.wallSeconds(), result.throughput(),
        result.latencyMs() == null ? "–" : result.latencyMs().p50(),
        result.latencyMs() == null ? "–" : result.latencyMs().p99(),
        result.outcomes());
    result.errors().forEach(error -> out.println("        " + error));
    SamplesCsv.write(
        options.logDir().resolve("samples").resolve(path.kind().label() + "-c" + concurrency + ".csv"),
        run.startedNanos(),
        run.samples());
    // Kept for the histories: each concurrency replaces the last, so the highest one (the busiest) stays.
    succeeded.put(path.kind(), run.samples().stream().filter(Sample::succeeded).toList());
    return result;
  }

  /**
   * Histories of an even sample of each path's successful sagas at the highest concurrency, and
   * of the saga's slowest ones: where their time went (the task-queue waits) explains a tail.
   */
  private List<HistoryStats> histories(TemporalConnection temporal, Map<BenchPath, List<Sample>> succeeded) {
    List<HistoryStats> histories = new ArrayList<>();
    for (BenchPath kind : List.of(BenchPath.SAGA, BenchPath.CEILING)) {
      List<Sample> samples = succeeded.getOrDefault(kind, List.of());
      count(temporal, kind.label(), evenlySpaced(samples.stream().map(Sample::sagaId).toList(), options.historySample()))
          .ifPresent(histories::add);
      if (kind == BenchPath.SAGA && samples.size() > SLOWEST_SAMPLE) {
        List<String> slowest =
            samples.stream()
                .sorted(Comparator.comparingLong(Sample::totalNanos).reversed())
                .limit(SLOWEST_SAMPLE)
                .map(Sample::sagaId)
                .toList();
        count(temporal, kind.label() + ", " + SLOWEST_SAMPLE + " slowest", slowest).ifPresent(histories::add);
      }
    }
    return histories;
  }

  private Optional<HistoryStats> count(TemporalConnection temporal, String label, List<String> workflowIds) {
    if (workflowIds.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(HistoryCounter.fetchAndCount(temporal.client(), label, workflowIds));
    } catch (RuntimeException e) {
      out.println("could not read the " + label + " histories: " + e.getMessage());
      return Optional.empty();
    }
  }

  static List<String> evenlySpaced(List<String> ids, int count) {
    if (ids.size() <= count) {
      return ids;
    }
    double step = (double) ids.size() / count;
    return IntStream.range(0, count).mapToObj(i -> ids.get((int) (i * step))).toList();
  }

  private RunSettings settings(String gitCommit, ServiceUnderTest service) {
    return new RunSettings(
        options.service().label(),
        service.temporal(),
        gitCommit,
        options.sagas(),
        options.sequentialSagas(),
        options.concurrencies(),
        options.warmup(),
        options.pollInterval().toMillis(),
        options.paths().stream().map(BenchPath::label).toList(),
        options.service() == ServiceTarget.ATTACHED ? null : options.serviceHeap(),
        options.demoUsers(),
        options.demoSeats(),
        options.pointsPerUser(),
        options.ceilingActivities(),
        options.directPoolSize());
  }

  private List<String> notes(ServiceUnderTest service, List<PhaseResult> phases) {
    List<String> notes = new ArrayList<>();
    notes.add("Service: " + service.description() + ".");
    if (options.concurrencies().contains(1) && options.sequentialSagas() != options.sagas()) {
      notes.add("At concurrency 1 each path ran " + options.sequentialSagas() + " sagas, not " + options.sagas()
          + " (--sequential-sagas): sequential sagas take minutes.");
    }
    notes.add("Latency: from the start call to the final answer. Saga: POST /api/payments to the first poll"
        + " (every " + options.pollInterval().toMillis() + " ms) that says final, so it includes up to one poll"
        + " interval of client wait. Ceiling: workflow start to result. Direct: the polling row's transaction to"
        + " the confirm's commit. Start: the POST, the workflow start, the polling row.");
    notes.add("Throughput: successful sagas per second of wall time; for saga and direct each saga's seat hold"
        + " (its own user and seat) is in that time, not in the latency.");
    notes.add("Hold retries: a seat hold the database refuses for now (503 \"try again\", e.g. a lock wait over"
        + " its limit) is retried like a client would, up to " + HoldRetry.MAX_ATTEMPTS
        + " attempts with a short random backoff; the table counts the extra attempts.");
    notes.add("Ceiling: a no-op workflow calling " + options.ceilingActivities() + " no-op activities in sequence"
        + " as regular (server-scheduled) activities with the options the saga's steps had before they became"
        + " local activities, run by a worker in the bench JVM (16 activity slots) on its own task queue of the"
        + " same Temporal.");
    notes.add("Direct: the service's own activity implementations called in a loop without Temporal (hold, polling"
        + " row, PROCESSING with payment.try, debit, SUCCESS with payment.success, confirm with reservation.success,"
        + " each status with its events in one transaction, to the outbox), with a pool of "
        + options.directPoolSize() + " connections; the service's outbox relay sends the events. No workflow start"
        + " and no inbound-listener join (its payment.try events are refused by the service's listener at"
        + " validation). Latency ends with the confirm's commit.");
    notes.add(cpuNote(service));
    if (service.launched()) {
      notes.add("The launched service's reconciliation schedule is off (it would run mid-measurement);"
          + " the books are checked once, right after the saga runs.");
    }
    int paymentRetries = phases.stream().mapToInt(PhaseResult::paymentRetries).sum();
    if (paymentRetries > 0) {
      notes.add("The sagas retried their debit " + paymentRetries + " times in all (RETRYING, paymentRetries in"
          + " latest.json): each retry puts 1 s, 2 s or 4 s of backoff into that saga's latency.");
    }
    notes.add("Every sample, with when it began: " + options.logDir().resolve("samples") + "/<path>-c<concurrency>.csv.");
    if (options.warmup() > 0) {
      notes.add("Each path ran " + options.warmup() + " unreported warm-up sagas first (" + SEQUENTIAL_WARMUP
          + " one at a time, the rest at the highest concurrency).");
    }
    return notes;
  }

  private String cpuNote(ServiceUnderTest service) {
    boolean temporalProcessFound = service.temporalProcess().isPresent();
    String inServiceJvm =
        options.service() != ServiceTarget.EMBEDDED ? ""
            : service.temporalInServiceJvm() ? " (with the in-process Kafka broker and Temporal test server)"
            : " (with the in-process Kafka broker)";
    return "CPU ms/saga: saga = service JVM" + inServiceJvm + (temporalProcessFound ? " + temporal dev server" : "")
        + " + mariadbd; the baselines add the bench JVM, where their worker or loop runs"
        + (service.temporalInServiceJvm() || temporalProcessFound
            ? "" : "; the Temporal server (" + service.temporal() + ") is not among the service's processes,"
                + " so its CPU is not counted")
        + (service.mariaDbProcess().isPresent() ? "" : "; no mariadbd process was found, so it is not counted")
        + (service.serviceProcess().isPresent() ? "." : "; an attached service's CPU is not measured.");
  }

  private void writeResults(BenchReport report) {
    try {
      Files.createDirectories(options.resultsDir());
      Path json = options.resultsDir().resolve("latest.json");
      Path markdown = options.resultsDir().resolve("latest.md");
      Path chart = options.resultsDir().resolve("latest.png");
      String table = MarkdownReport.render(report);
      ReportJson.write(report, json);
      Files.writeString(markdown, table);
      try {
        LatencyChart.write(report, chart);
      } catch (IOException | RuntimeException | Error e) {
        out.println("could not draw " + chart + ": " + e);
      }
      out.println();
      out.println(table);
      out.println("written: " + json + ", " + markdown + ", " + chart);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the results to " + options.resultsDir(), e);
    }
  }

  private String plan() {
    StringBuilder plan = new StringBuilder("bench ").append(runId).append(": ");
    plan.append("paths ").append(options.paths().stream().map(BenchPath::label).toList());
    plan.append(", concurrency");
    options.concurrencies().forEach(c -> plan.append(' ').append(c).append(" (").append(options.sagasAt(c)).append(')'));
    plan.append(", warm-up ").append(options.warmup());
    plan.append(", polling every ").append(options.pollInterval().toMillis()).append(" ms");
    if (options.temporal() != null) {
      plan.append(", Temporal ").append(options.temporal().label());
    }
    if (options.service() != ServiceTarget.ATTACHED) {
      plan.append(", ").append(options.demoUsers()).append(" users and ").append(options.demoSeats()).append(" seats");
    }
    return plan.toString();
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
