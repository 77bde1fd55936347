package com.ticketing.admin;

import com.ticketing.errors.TicketingException;
import com.ticketing.errors.TicketingException.Kind;
import com.ticketing.payment.PaymentTransaction;
import com.ticketing.payment.PaymentTransactionRepository;
import com.ticketing.saga.PaymentSagaWorkflow;
import com.ticketing.saga.PaymentStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What operators can do to sagas: list them from the polling table, inspect and decide. */
@Service
public class SagaOperations {

  private final PaymentTransactionRepository transactions;
  private final WorkflowClient workflowClient;
  private final Clock clock;

  public SagaOperations(PaymentTransactionRepository transactions, WorkflowClient workflowClient, Clock clock) {
    this.transactions = transactions;
    this.workflowClient = workflowClient;
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
    try {
      PaymentSagaWorkflow saga = saga(paymentTxId);
      return new SagaInspection(row, saga.state(), saga.steps(), null);
    } catch (WorkflowException | io.grpc.StatusRuntimeException unavailable) {
      return new SagaInspection(row, null, List.of(), "workflow not queryable: " + unavailable.getMessage());
    }
  }

  public OperatorDecisionResult retry(String paymentTxId) {
    return decide(paymentTxId, "retry", PaymentSagaWorkflow::retry);
  }

  public OperatorDecisionResult compensate(String paymentTxId) {
    return decide(paymentTxId, "compensate", PaymentSagaWorkflow::compensate);
  }

  private OperatorDecisionResult decide(
      String paymentTxId, String decision, Function<PaymentSagaWorkflow, String> update) {
    existing(paymentTxId);
    try {
      return new OperatorDecisionResult(paymentTxId, decision, update.apply(saga(paymentTxId)));
    } catch (WorkflowNotFoundException gone) {
      throw refused(paymentTxId, decision, "its workflow has ended or does not exist");
    } catch (WorkflowUpdateException rejected) {
      throw refused(paymentTxId, decision, messageOf(rejected));
    } catch (WorkflowException other) {
      throw refused(paymentTxId, decision, messageOf(other));
    }
  }

  private static TicketingException refused(String paymentTxId, String decision, String why) {
    return new TicketingException(
        Kind.CONFLICT, "Decision refused", decision + " refused for saga " + paymentTxId + ": " + why);
  }

  private static String messageOf(WorkflowException failure) {
    Throwable cause = failure.getCause();
    while (cause != null) {
      if (cause instanceof ApplicationFailure app) {
        return app.getOriginalMessage();
      }
      cause = cause.getCause();
    }
    return failure.getMessage();
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
