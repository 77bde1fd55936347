package com.ticketing.reconciliation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Checks the books: the rules of the database in one consistent read, then the newest final rows
 * against their workflows' results (outside the transaction: Temporal calls hold no connection).
 */
@Service
public class ReconciliationService {

  private final Books books;
  private final RowMatchesWorkflowRule rowMatchesWorkflow;
  private final ReconciliationProperties properties;
  private final ReconciliationMetrics metrics;
  private final Clock clock;

  ReconciliationService(
      Books books,
      RowMatchesWorkflowRule rowMatchesWorkflow,
      ReconciliationProperties properties,
      ReconciliationMetrics metrics,
      Clock clock) {
    this.books = books;
    this.rowMatchesWorkflow = rowMatchesWorkflow;
    this.properties = properties;
    this.metrics = metrics;
    this.clock = clock;
  }

  public ReconciliationReport reconcile() {
    return reconcile(properties.workflowCheckLimit());
  }

  ReconciliationReport reconcile(int workflowCheckLimit) {
    Instant checkedAt = clock.instant();
    BooksSnapshot snapshot = books.read(workflowCheckLimit);
    WorkflowComparison workflows = rowMatchesWorkflow.compare(snapshot.finalSagas());
    List<Violation> violations = new ArrayList<>(snapshot.violations());
    violations.addAll(workflows.violations());
    ReconciliationReport report =
        new ReconciliationReport(
            checkedAt,
            snapshot.sagasChecked(),
            workflows.checked(),
            workflows.skipped(),
            workflows.error(),
            List.copyOf(violations));
    metrics.record(report);
    return report;
  }
}
