package com.ticketing.saga;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The saga on an in-memory, time-skipping Temporal test server, with a recording fake behind
 * every activity. Configure the fakes before starting a saga.
 */
final class SagaTestEnvironment implements AutoCloseable {

  /**
   * Three attempts per infrastructure step (0.5 s + 1 s of retry backoff, which runs in real time
   * while no client waits for a result) and a day for an operator to decide.
   */
  static final SagaPolicy POLICY = new SagaPolicy(3, Duration.ofHours(24));

  /** Far beyond any saga of these tests, which take seconds or one attention timeout. */
  private static final Duration SAGA_TIME_LIMIT = Duration.ofDays(7);

  /** Bounds every wait for a saga to reach a state; the test server gets there in about 2 s. */
  private static final Duration STATE_DEADLINE = Duration.ofSeconds(10);

  final StepLog steps = new StepLog();
  final RecordedEvents events = new RecordedEvents(steps);
  final FakePoints points = new FakePoints(steps);
  final FakeReservations reservations = new FakeReservations(steps, events);
  final FakeReversals reversals = new FakeReversals(steps, points, reservations);
  final RecordedTransactions transactions = new RecordedTransactions(steps, events);
  final TestWorkflowEnvironment testEnv = TestWorkflowEnvironment.newInstance();

  SagaTestEnvironment() {
    // A workflow task that upserts an unregistered attribute fails, so register them first.
    for (Map.Entry<String, IndexedValueType> attribute :
        SagaSearchAttributes.definitions().entrySet()) {
      testEnv.registerSearchAttribute(attribute.getKey(), attribute.getValue());
    }
    Worker worker = testEnv.newWorker(PaymentSagaWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(PaymentSagaWorkflowImpl.class);
    worker.registerActivitiesImplementations(points, reservations, reversals, transactions);
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
                // In workflow time: a saga that loops on a broken step fails the test quickly
                // instead of skipping attention timeouts for minutes of wall-clock time.
                .setWorkflowExecutionTimeout(SAGA_TIME_LIMIT)
                .build());
  }

  /** A stub for a saga that is already running, as an operator's tool would build it. */
  PaymentSagaWorkflow running(String paymentTxId) {
    return testEnv.getWorkflowClient().newWorkflowStub(PaymentSagaWorkflow.class, paymentTxId);
  }

  /** Runs a saga to the end; timers are skipped, so this never waits for wall-clock time. */
  SagaState pay(PaymentRequest request) {
    return pay(request, POLICY);
  }

  SagaState pay(PaymentRequest request, SagaPolicy policy) {
    return saga(request.paymentTxId()).pay(request, policy);
  }

  /**
   * Starts a saga without waiting for it. Until a client waits for the result the test server
   * skips no time, so the saga's timers (retry delays, the attention timeout) run in real time.
   */
  PaymentSagaWorkflow start(PaymentRequest request) {
    return start(request, POLICY);
  }

  PaymentSagaWorkflow start(PaymentRequest request, SagaPolicy policy) {
    PaymentSagaWorkflow saga = saga(request.paymentTxId());
    WorkflowClient.start(saga::pay, request, policy);
    return saga;
  }

  /** Waits for the saga's final state; the test server skips its timers meanwhile. */
  SagaState result(String paymentTxId) {
    return WorkflowStub.fromTyped(running(paymentTxId)).getResult(SagaState.class);
  }

  /** Polls the saga's {@code state()} query until it satisfies {@code condition}. */
  SagaState awaitState(String paymentTxId, Predicate<SagaState> condition)
      throws InterruptedException {
    PaymentSagaWorkflow saga = running(paymentTxId);
    long deadline = System.nanoTime() + STATE_DEADLINE.toNanos();
    SagaState state = saga.state();
    while (state == null || !condition.test(state)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "saga " + paymentTxId + " did not reach the expected state in " + STATE_DEADLINE
                + "; last state: " + state);
      }
      Thread.sleep(50);
      state = saga.state();
    }
    return state;
  }

  /**
   * Waits until the saga's own step log shows {@code step} with {@code outcome}: the workflow task
   * that logged it has completed, so whatever the saga started next (a timer) is in place.
   */
  void awaitStep(String paymentTxId, String step, String outcome) throws InterruptedException {
    PaymentSagaWorkflow saga = running(paymentTxId);
    long deadline = System.nanoTime() + STATE_DEADLINE.toNanos();
    while (saga.steps().stream()
        .noneMatch(logged -> logged.step().equals(step) && logged.outcome().equals(outcome))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "saga " + paymentTxId + " never logged " + step + " " + outcome + ": " + saga.steps());
      }
      Thread.sleep(50);
    }
  }

  /**
   * Waits until the saga is parked in NEEDS_ATTENTION on {@code stuckStep} and has done all its
   * parking: its state says so at once, the row and then the search attributes follow.
   */
  SagaState awaitParkedOn(String paymentTxId, String stuckStep) throws InterruptedException {
    SagaState parked =
        awaitState(
            paymentTxId, state -> state.awaitsOperator() && stuckStep.equals(state.stuckStep()));
    long deadline = System.nanoTime() + STATE_DEADLINE.toNanos();
    while (!stuckStep.equals(searchAttributes(paymentTxId).get(SagaSearchAttributes.STUCK_STEP))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "saga " + paymentTxId + " never tagged itself StuckStep=" + stuckStep);
      }
      Thread.sleep(50);
    }
    return parked;
  }

  /** The search attributes the server holds for the saga, as the Web UI would filter on them. */
  SearchAttributes searchAttributes(String paymentTxId) {
    return WorkflowStub.fromTyped(running(paymentTxId)).describe().getTypedSearchAttributes();
  }

  @Override
  public void close() {
    // A confirm still held would otherwise keep a worker thread busy while the server stops.
    reservations.letConfirmsFinish();
    testEnv.close();
  }
}
