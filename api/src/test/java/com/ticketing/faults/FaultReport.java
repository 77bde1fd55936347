package com.ticketing.faults;

import com.ticketing.faults.EventAudit.Report;
import com.ticketing.faults.Operator.Reconciliation;
import com.ticketing.faults.SagaDriver.DriveResult;
import com.ticketing.faults.SagaDriver.SagaOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The end of every fault scenario: every saga final, the service's reconciliation clean, the
 * books right in SQL, the events matching the outcomes. Prints one summary line, writes it with
 * the details to {@code target/faults-<scenario>.txt}, and fails with everything that was wrong.
 */
public final class FaultReport {

  private static final Duration AUDIT_DEADLINE = Duration.ofSeconds(60);
  private static final Duration SETTLE_DEADLINE = Duration.ofSeconds(90);
  private static final int SHOWN_FAILURES = 40;

  private final String scenario;
  private final long startedAt = System.nanoTime();
  private final List<DriveResult> runs = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private int operatorRetries;

  public FaultReport(String scenario) {
    this.scenario = scenario;
  }

  public DriveResult add(DriveResult run) {
    runs.add(run);
    notes.add(run.summary());
    System.out.println("[faults " + scenario + "] " + run.summary());
    return run;
  }

  /** A line for the report file, e.g. what was injected when. */
  public void note(String line) {
    notes.add(line);
    System.out.println("[faults " + scenario + "] " + line);
  }

  /** An expectation of the scenario itself (e.g. a bound on the slowest saga). */
  public void expect(boolean holds, String failure) {
    if (!holds) {
      failures.add(failure);
    }
  }

  public void countOperatorRetries(int retried) {
    operatorRetries += retried;
  }

  /** Runs the final checks, writes the summary and fails when anything was wrong. */
  public void verify(FaultStack stack, Operator operator) {
    List<SagaOutcome> sagas = runs.stream().flatMap(r -> r.sagas().stream()).toList();
    try (SagaForensics forensics = new SagaForensics(stack.temporal())) {
      for (DriveResult run : runs) {
        run.problems().forEach(p -> failures.add("driver: " + p));
        for (SagaOutcome saga : run.unfinished()) {
          failures.add("unfinished: " + saga.paymentTxId() + " " + saga.problem() + "; " + forensics.describe(saga.paymentTxId()));
        }
      }
      for (String running : awaitWorkflowsClosed(sagas, operator, forensics)) {
        failures.add("workflow still running after " + SETTLE_DEADLINE + ": " + running + "; " + forensics.describe(running));
      }
    }

    String violationsText;
    try {
      Reconciliation reconciliation = operator.reconcile();
      violationsText = reconciliation.violations().size() + " (" + reconciliation.sagasChecked() + " sagas checked)";
      if (reconciliation.workflowCheckError() != null) {
        note("reconciliation could not compare rows with workflows: " + reconciliation.workflowCheckError());
      }
      reconciliation.violations().forEach(v -> failures.add("reconciliation: " + v));
    } catch (AssertionError | RuntimeException unavailable) {
      violationsText = "unknown";
      failures.add("reconciliation unavailable: " + unavailable.getMessage());
    }

    List<String> sqlProblems = SqlBooks.violations(stack.database());
    sqlProblems.forEach(p -> failures.add("books (SQL): " + p));

    Report audit = EventAudit.readAll(stack.kafka().bootstrapServers(), AUDIT_DEADLINE).check(sagas);
    audit.problems().forEach(p -> failures.add("events: " + p));

    Map<String, Long> byStatus =
        sagas.stream()
            .filter(SagaOutcome::isFinal)
            .collect(Collectors.groupingBy(SagaOutcome::status, TreeMap::new, Collectors.counting()));
    long unfinished = sagas.stream().filter(s -> !s.isFinal()).count();
    String summary =
        "faults " + scenario + ": " + sagas.size() + " sagas " + byStatus + ", unfinished " + unfinished
            + ", reconciliation violations " + violationsText + ", SQL book problems " + sqlProblems.size()
            + ", events checked " + audit.eventsChecked() + " (" + audit.duplicatesDropped() + " duplicates dropped)"
            + ", operator retries " + operatorRetries + ", wall " + seconds(System.nanoTime() - startedAt) + " s"
            + " (engines " + seconds(stack.startedInMillis() * 1_000_000) + " s)"
            + ", on the " + stack.temporal().description();
    System.out.println(summary);
    write(summary);
    if (!failures.isEmpty()) {
      throw new AssertionError(
          failures.size() + " problems in " + scenario + " (all in " + reportFile().toAbsolutePath() + "):\n"
              + String.join("\n", failures.subList(0, Math.min(SHOWN_FAILURES, failures.size())))
              + "\n" + summary);
    }
  }

  /**
   * A saga can look final to its buyer while its workflow still publishes its last event (the
   * seat is confirmed before reservation.success goes out), so the checks wait until every
   * started saga's workflow has closed, retrying parked sagas meanwhile. Returns those still
   * running at the deadline.
   */
  private List<String> awaitWorkflowsClosed(List<SagaOutcome> sagas, Operator operator, SagaForensics forensics) {
    List<String> running =
        new ArrayList<>(sagas.stream().filter(s -> s.acceptedAt() != null).map(SagaOutcome::paymentTxId).toList());
    Deadlines.poll(SETTLE_DEADLINE, Duration.ofSeconds(1), () -> {
      running.removeIf(id -> !forensics.isRunning(id));
      if (!running.isEmpty()) {
        countOperatorRetries(operator.retryParkedSagas().size());
      }
      return running.isEmpty();
    });
    return running;
  }

  private void write(String summary) {
    List<String> lines = new ArrayList<>();
    lines.add(summary);
    lines.addAll(notes);
    if (!failures.isEmpty()) {
      lines.add("problems:");
      lines.addAll(failures);
    }
    try {
      Files.write(reportFile(), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path reportFile() {
    return Path.of("target", "faults-" + scenario + ".txt");
  }

  private static String seconds(long nanos) {
    return String.format("%.1f", nanos / 1e9);
  }
}
