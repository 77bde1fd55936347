package com.ticketing.saga;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * One saga per paymentTxId (the workflow id): debit points, confirm the seat, or compensate. An
 * infrastructure step that keeps failing parks the saga in NEEDS_ATTENTION until an operator
 * sends {@code retry} or {@code compensate} (Workflow Updates: the caller learns whether the
 * decision was accepted).
 */
@WorkflowInterface
public interface PaymentSagaWorkflow {

  String TASK_QUEUE = "payment-saga";

  @WorkflowMethod
  SagaState pay(PaymentRequest request, SagaPolicy policy);

  @QueryMethod
  SagaState state();

  /** The saga's own step log: each step, its outcome and when. */
  @QueryMethod
  List<SagaStep> steps();

  /** Runs the parked step again with a fresh attempt budget. */
  @UpdateMethod
  String retry();

  @UpdateValidatorMethod(updateName = "retry")
  void validateRetry();

  /** Gives up: refunds what was debited, releases the hold, ends as CANCEL or FAILURE. */
  @UpdateMethod
  String compensate();

  @UpdateValidatorMethod(updateName = "compensate")
  void validateCompensate();

  /**
   * The same decisions as a signal ({@code "retry"} or {@code "compensate"}), for tools that can
   * only send signals, such as the Web UI's "Send a Signal". A signal cannot answer: a refused
   * one changes nothing and is written to the step log.
   */
  @SignalMethod
  void decide(String decision);
}
