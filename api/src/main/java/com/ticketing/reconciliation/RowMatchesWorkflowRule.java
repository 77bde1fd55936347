package com.ticketing.reconciliation;

import com.ticketing.saga.SagaState;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * {@code row-matches-workflow}: a final polling row says what its completed workflow returned —
 * the same status, and the seat confirmed exactly for SUCCESS. Workflows Temporal no longer knows,
 * or that have not completed, are skipped.
 */
@Component
class RowMatchesWorkflowRule {

  static final String ID = "row-matches-workflow";

  /** A completed workflow's result is in its last history event; waiting longer means Temporal is unwell. */
  private static final long RESULT_TIMEOUT_SECONDS = 10;

  private final WorkflowClient workflowClient;

  RowMatchesWorkflowRule(WorkflowClient workflowClient) {
    this.workflowClient = workflowClient;
  }

  WorkflowComparison compare(List<FinalSaga> sagas) {
    int checked = 0;
    int skipped = 0;
    List<Violation> violations = new ArrayList<>();
    for (FinalSaga saga : sagas) {
      Optional<SagaState> result;
      try {
        result = completedResult(saga.paymentTxId());
      } catch (WorkflowException | StatusRuntimeException | TimeoutException unavailable) {
        // One failed lookup is likely the next 499 too: stop instead of hammering Temporal.
        return new WorkflowComparison(checked, skipped,
            "Temporal lookups stopped at " + saga.paymentTxId() + ": " + unavailable.getMessage(), violations);
      }
      if (result.isEmpty()) {
        skipped++;
        continue;
      }
      checked++;
      mismatch(saga, result.get()).ifPresent(violations::add);
    }
    return new WorkflowComparison(checked, skipped, null, violations);
  }

  private Optional<SagaState> completedResult(String paymentTxId) throws TimeoutException {
    WorkflowExecutionDescription description;
    try {
      description = workflowClient.newUntypedWorkflowStub(paymentTxId).describe();
    } catch (WorkflowNotFoundException gone) {
      return Optional.empty();
    }
    if (description.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
      return Optional.empty();
    }
    // The run just described, even if a new run of the same id starts meanwhile.
    WorkflowStub run = workflowClient.newUntypedWorkflowStub(description.getExecution(), Optional.empty());
    return Optional.of(run.getResult(RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS, SagaState.class));
  }

  private static Optional<Violation> mismatch(FinalSaga row, SagaState workflow) {
    if (workflow.status() == row.status() && workflow.reservationConfirmed() == row.seatConfirmed()) {
      return Optional.empty();
    }
    return Optional.of(Violation.ofPayment(
        ID,
        row.paymentTxId(),
        "the row says " + row.status() + (row.seatConfirmed() ? " with the seat confirmed" : "")
            + ", its completed workflow returned " + workflow.status()
            + (workflow.reservationConfirmed() ? " with the seat confirmed" : " without a confirmed seat")));
  }
}
