package com.ticketing.reconciliation;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one reconciliation run.
 *
 * @param sagasChecked payment rows examined by the rules of the books
 * @param workflowsChecked final rows compared with their completed workflow's result
 * @param workflowsSkipped final rows looked up in Temporal but not compared: the workflow is
 *     unknown to Temporal (e.g. past retention), still running, or closed without a result
 * @param workflowCheckError why the Temporal comparison stopped early, else null
 * @param openSagasChecked sagas that have not settled whose workflow was looked up (every one,
 *     up to {@value OpenSagaWorkflowRule#MAX_PER_RUN} a run)
 * @param openSagasNotChecked sagas that have not settled whose workflow was not looked up this
 *     run (past that limit, or after Temporal stopped answering: see workflowCheckError)
 */
public record ReconciliationReport(
    Instant checkedAt,
    long sagasChecked,
    int workflowsChecked,
    int workflowsSkipped,
    String workflowCheckError,
    int openSagasChecked,
    int openSagasNotChecked,
    List<Violation> violations) {

  public boolean hasViolations() {
    return !violations.isEmpty();
  }
}
