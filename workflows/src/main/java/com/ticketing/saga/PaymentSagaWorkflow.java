package com.ticketing.saga;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One saga per paymentTxId (the workflow id): debit points, confirm the seat, or compensate. */
@WorkflowInterface
public interface PaymentSagaWorkflow {

  String TASK_QUEUE = "payment-saga";

  @WorkflowMethod
  SagaState pay(PaymentRequest request);

  @QueryMethod
  SagaState state();
}
