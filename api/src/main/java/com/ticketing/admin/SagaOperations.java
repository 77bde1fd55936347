package com.ticketing.admin;

import com.ticketing.errors.TicketingException;
import com.ticketing.errors.TicketingException.Kind;
import com.ticketing.logging.LogSafe;
import com.ticketing.payment.PaymentTransaction;
import com.ticketing.payment.PaymentTransactionRepository;
import com.ticketing.saga.PaymentSagaWorkflow;
import com.ticketing.saga.PaymentStatus;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What operators can do to sagas: list them from the polling table, inspect and decide. Every
 * decision is written to the audit trail before it is sent, and its outcome after.
 */
@Service
public class SagaOperations {

  private static final Logger log = LoggerFactory.getLogger(SagaOperations.class);
  private static final int DECISIONS_SHOWN = 50;

  private final PaymentTransactionRepository transactions;
  private final WorkflowClient workflowClient;
  private final OperatorAudit audit;
  private final Clock clock;

  public SagaOperations(
      PaymentTransactionRepository transactions, WorkflowClient workflowClient, OperatorAudit audit, Clock clock) {
    this.transactions = transactions;
    this.workflowClient = workflowClient;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<SagaSummary> list(PaymentStatus status, Duration olderThan) {
    Instant now = clock.instant();
    return transactions
        .findTop200ByStatusAndUpdatedAtBeforeOrderByUpdatedAtAsc(status, now.minus(olderThan))
        .stream()
        .map(tx -> SagaSummary.of(tx, now))
        .toList();
  }

  public SagaInspection inspect(String paymentTxId) {
    SagaSummary row = SagaSummary.of(existing(paymentTxId), clock.instant());
    List<AuditEntry> decisions = audit.ofSaga(paymentTxId, DECISIONS_SHOWN);
    try {
      PaymentSagaWorkflow saga = saga(paymentTxId);
      return new SagaInspection(row, saga.state(), saga.steps(), null, decisions);
    } catch (WorkflowException | StatusRuntimeException unavailable) {
      log.warn("saga {} not queryable: {}", LogSafe.of(paymentTxId), LogSafe.of(unavailable));
      return new SagaInspection(
          row, null, List.of(), "workflow not queryable (ended, or Temporal unreachable; see the service log)", decisions);
    }
  }

  public OperatorDecisionResult retry(String paymentTxId, OperatorDecision decision) {
    return decide(paymentTxId, "retry", decision, PaymentSagaWorkflow::retry);
  }

  public OperatorDecisionResult compensate(String paymentTxId, OperatorDecision decision) {
    return decide(paymentTxId, "compensate", decision, PaymentSagaWorkflow::compensate);
  }

  private OperatorDecisionResult decide(
      String paymentTxId, String name, OperatorDecision decision, Function<PaymentSagaWorkflow, String> update) {
    long entry = audit.requested(paymentTxId, name, decision.reason(), decision.actor());
    log.info(
        "{} asks {} of saga {}: {}",
        LogSafe.of(decision.actor()), name, LogSafe.of(paymentTxId), LogSafe.of(decision.reason()));
    try {
      existing(paymentTxId);
      OperatorDecisionResult accepted =
          new OperatorDecisionResult(paymentTxId, name, update.apply(saga(paymentTxId)));
      record(entry, "accepted", accepted.message());
      return accepted;
    } catch (TicketingException notFound) {
      record(entry, "not_found", notFound.getMessage());
      throw notFound;
    } catch (WorkflowNotFoundException gone) {
      throw refused(entry, paymentTxId, name, "its workflow has ended or does not exist");
    } catch (WorkflowUpdateException rejected) {
      throw refused(entry, paymentTxId, name, refusalOf(rejected));
    } catch (WorkflowServiceException | StatusRuntimeException unreachable) {
      log.warn("{} of saga {} not delivered: {}", name, LogSafe.of(paymentTxId), LogSafe.of(unreachable));
      record(entry, "unavailable", "Temporal could not be reached");
      throw new TicketingException(
          Kind.UNAVAILABLE,
          "Temporal unavailable",
          name + " of saga " + paymentTxId + " may not have been delivered: check the saga, then decide again");
    } catch (WorkflowException other) {
      throw refused(entry, paymentTxId, name, refusalOf(other));
    }
  }

  private void record(long entry, String result, String detail) {
    try {
      audit.complete(entry, result, detail);
    } catch (RuntimeException lost) {
      // The decision happened; its row stays 'requested', which says that its outcome is unknown.
      log.error("audit row {} not completed with {}: {}", entry, result, LogSafe.of(lost));
    }
  }

  private TicketingException refused(long entry, String paymentTxId, String decision, String why) {
    record(entry, "refused", why);
    return new TicketingException(
        Kind.CONFLICT, "Decision refused", decision + " refused for saga " + paymentTxId + ": " + why);
  }

  /** The workflow's own refusal (an ApplicationFailure it raised); anything else stays in the log. */
  private static String refusalOf(WorkflowException failure) {
    Throwable cause = failure.getCause();
    while (cause != null) {
      if (cause instanceof ApplicationFailure app) {
        return app.getOriginalMessage();
      }
      cause = cause.getCause();
    }
    log.warn("decision failed: {}", LogSafe.of(failure));
    return "the workflow did not accept it";
  }

  private PaymentTransaction existing(String paymentTxId) {
    return transactions
        .findById(paymentTxId)
        .orElseThrow(() -> new TicketingException(
            Kind.NOT_FOUND, "Saga not found", "saga " + paymentTxId + " does not exist"));
  }

  private PaymentSagaWorkflow saga(String paymentTxId) {
    return workflowClient.newWorkflowStub(PaymentSagaWorkflow.class, paymentTxId);
  }
}
