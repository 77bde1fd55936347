package com.ticketing.reconciliation;

import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code open-saga-workflow-closed}: a saga whose row has not settled — PROCESSING, RETRYING,
 * NEEDS_ATTENTION, or SUCCESS without its seat CONFIRMED, unchanged for a minute — has a running
 * workflow to settle it. A workflow terminated from the Web UI or the CLI, failed or timed out
 * (or one that completed while its row stayed behind, or none at all) leaves money and seat where
 * they are, and every repeated start only joins it. Pages through every such row, oldest id
 * first, up to {@value #MAX_PER_RUN} per run; the rest are counted as not checked.
 */
@Component
class OpenSagaWorkflowRule {

  static final String ID = "open-saga-workflow-closed";
  static final int MAX_PER_RUN = 5_000;
  private static final int PAGE = 500;

  private final JdbcTemplate jdbc;
  private final WorkflowClient workflowClient;

  OpenSagaWorkflowRule(JdbcTemplate jdbc, WorkflowClient workflowClient) {
    this.jdbc = jdbc;
    this.workflowClient = workflowClient;
  }

  /** What comparing every open row with its workflow found. */
  record OpenSagas(int checked, int notChecked, String error, List<Violation> violations) {}

  OpenSagas check() {
    List<Violation> violations = new ArrayList<>();
    int checked = 0;
    String after = "";
    List<String> page;
    do {
      page = openSagasAfter(after);
      for (String paymentTxId : page) {
        if (checked == MAX_PER_RUN) {
          return new OpenSagas(checked, countOpenSagasFrom(paymentTxId), null, violations);
        }
        try {
          closedWorkflow(paymentTxId).ifPresent(status -> violations.add(Violation.ofPayment(ID, paymentTxId, status)));
        } catch (WorkflowException | StatusRuntimeException unavailable) {
          return new OpenSagas(checked, countOpenSagasFrom(paymentTxId),
              "Temporal lookups stopped at " + paymentTxId + ": " + unavailable.getMessage(), violations);
        }
        checked++;
        after = paymentTxId;
      }
    } while (page.size() == PAGE);
    return new OpenSagas(checked, 0, null, violations);
  }

  /** Why the saga's workflow cannot settle it, or empty while it runs. */
  private Optional<String> closedWorkflow(String paymentTxId) {
    WorkflowExecutionStatus status;
    try {
      status = workflowClient.newUntypedWorkflowStub(paymentTxId).describe().getStatus();
    } catch (WorkflowNotFoundException none) {
      return Optional.of("the saga has not settled and Temporal has no workflow for it");
    }
    if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return Optional.empty();
    }
    return Optional.of(
        "the saga has not settled and its workflow is " + status.name().replace("WORKFLOW_EXECUTION_STATUS_", "")
            + ": nothing will settle it but an operator");
  }

  private static final String OPEN =
      """
      FROM payment_transactions p
      JOIN reservations r ON r.id = p.reservation_id
      WHERE p.updated_at < UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE
        AND (p.status IN ('PROCESSING', 'RETRYING', 'NEEDS_ATTENTION')
             OR (p.status = 'SUCCESS' AND NOT (r.status = 'CONFIRMED' AND r.paid_by_tx_id = p.payment_tx_id)))
      """;

  private List<String> openSagasAfter(String paymentTxId) {
    return jdbc.queryForList(
        "SELECT p.payment_tx_id " + OPEN + " AND p.payment_tx_id > ? ORDER BY p.payment_tx_id LIMIT " + PAGE,
        String.class,
        paymentTxId);
  }

  private int countOpenSagasFrom(String paymentTxId) {
    return jdbc.queryForObject("SELECT COUNT(*) " + OPEN + " AND p.payment_tx_id >= ?", Integer.class, paymentTxId);
  }
}
