package com.ticketing.saga;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketing.events.SagaEvent;
import com.ticketing.events.SagaEventActivities;
import com.ticketing.events.SagaEventType;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded saga histories against today's code, so that a change which would break sagas
 * already running fails the build instead of those sagas (put such changes behind
 * {@code Workflow.getVersion}).
 *
 * <p>The histories in {@code src/test/resources/histories} were recorded once from this module's
 * tests: each path was run on {@link SagaTestEnvironment} (happy path as is; retry path with
 * {@code points.failFirstDebits(3)}; compensation path with {@code
 * reservations.rejectConfirm("hold expired")}), with the paymentTxId equal to the file name, and
 * saved with {@code testEnv.getWorkflowClient().fetchHistory(paymentTxId).toJson(true)}. Record a
 * new file the same way when the saga gains a path; never regenerate one to make this test pass.
 */
class PaymentSagaReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "histories/payment-saga-happy-path.json",
        "histories/payment-saga-retry-path.json",
        "histories/payment-saga-compensation-path.json"
      })
  void replaysRecordedHistoryWithoutNondeterminism(String history) {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    history, PaymentSagaWorkflowImpl.class))
        .doesNotThrowAnyException();
  }

  /** Guards the test above: a saga whose steps changed must not replay cleanly. */
  @Test
  void rejectsRecordedHistoryWhenSagaStepsChange() {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    "histories/payment-saga-happy-path.json", PublishesBeforeRecording.class))
        .hasMessageContaining("NonDeterministicException");
  }

  /** The saga with its first two steps swapped: publish payment.try before writing the row. */
  public static class PublishesBeforeRecording implements PaymentSagaWorkflow {

    private final SagaEventActivities events =
        Workflow.newActivityStub(
            SagaEventActivities.class, SagaActivityOptions.sideEffectOptions());

    @Override
    public SagaState pay(PaymentRequest request) {
      events.publish(
          new SagaEvent(
              SagaEventType.PAYMENT_TRY, request, Workflow.currentTimeMillis(), null, null));
      return SagaState.started(request.paymentTxId());
    }

    @Override
    public SagaState state() {
      return null;
    }
  }
}
