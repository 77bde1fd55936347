package com.ticketing.reconciliation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Checks the books: the rules of the database in one consistent read, then the newest final rows
 * against their workflows' results and every unsettled row against its workflow (outside the
 * transaction: Temporal calls hold no connection).
 */
@Service
public class ReconciliationService {

  private final Books books;
  private final RowMatchesWorkflowRule rowMatchesWorkflow;
  private final OpenSagaWorkflowRule openSagaWorkflow;
  private final ReconciliationProperties properties;
  private final ReconciliationMetrics metrics;
  private final Clock clock;

  ReconciliationService(
      Books books,
      RowMatchesWorkflowRule rowMatchesWorkflow,
      OpenSagaWorkflowRule openSagaWorkflow,
      ReconciliationProperties properties,
      ReconciliationMetrics metrics,
      Clock clock) {
    this.books = books;
    this.rowMatchesWorkflow = rowMatchesWorkflow;
    this.openSagaWorkflow = openSagaWorkflow;
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
    OpenSagaWorkflowRule.OpenSagas open = openSagaWorkflow.check();
    List<Violation> violations = new ArrayList<>(snapshot.violations());
    violations.addAll(workflows.violations());
    violations.addAll(open.violations());
    ReconciliationReport report =
        new ReconciliationReport(
            checkedAt,
            snapshot.sagasChecked(),
            workflows.checked(),
            workflows.skipped(),
            workflows.error() != null ? workflows.error() : open.error(),
            open.checked(),
            open.notChecked(),
            List.copyOf(violations));
    metrics.record(report);
    return report;
  }
}
