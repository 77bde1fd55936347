package com.ticketing.saga;

import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;

/**
 * The saga on an in-memory, time-skipping Temporal test server, with a recording fake behind
 * every activity. Configure the fakes before starting a saga.
 */
final class SagaTestEnvironment implements AutoCloseable {

  final StepLog steps = new StepLog();
  final FakePoints points = new FakePoints(steps);
  final FakeReservations reservations = new FakeReservations(steps);
  final RecordedTransactions transactions = new RecordedTransactions(steps);
  final RecordedEvents events = new RecordedEvents(steps);
  final TestWorkflowEnvironment testEnv = TestWorkflowEnvironment.newInstance();

  SagaTestEnvironment() {
    Worker worker = testEnv.newWorker(PaymentSagaWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(PaymentSagaWorkflowImpl.class);
    worker.registerActivitiesImplementations(points, reservations, transactions, events);
    testEnv.start();
  }

  static PaymentRequest request(String paymentTxId) {
    return new PaymentRequest(paymentTxId, 7L, 42L, 1001L, 15_000L);
  }

  /** A stub for the saga of one payment; the workflow id is the paymentTxId. */
  PaymentSagaWorkflow saga(String paymentTxId) {
    return testEnv
        .getWorkflowClient()
        .newWorkflowStub(
            PaymentSagaWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(paymentTxId)
                .setTaskQueue(PaymentSagaWorkflow.TASK_QUEUE)
                .build());
  }

  /** Runs a saga to the end; timers are skipped, so this never waits for wall-clock time. */
  SagaState pay(PaymentRequest request) {
    return saga(request.paymentTxId()).pay(request);
  }

  @Override
  public void close() {
    // A confirm still held would otherwise keep a worker thread busy while the server stops.
    reservations.letConfirmsFinish();
    testEnv.close();
  }
}
