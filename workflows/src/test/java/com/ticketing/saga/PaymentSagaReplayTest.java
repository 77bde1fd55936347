package com.ticketing.saga;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketing.points.PointsActivities;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.workflow.Workflow;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded saga histories against today's code, so that a change which would break sagas
 * already running fails the build instead of those sagas (put such changes behind
 * {@code Workflow.getVersion}).
 *
 * <p>The histories in {@code src/test/resources/histories} were recorded once from this module's
 * tests, for {@code pay(request, policy)} with {@link SagaTestEnvironment#POLICY}: each path was
 * run on {@link SagaTestEnvironment} (happy path as is; retry path with {@code
 * points.failFirstDebits(3)}; compensation path with {@code reservations.rejectConfirm("hold
 * expired")}; declined path with {@code points.declineDebits("insufficient points")};
 * operator-retry path with {@code reservations.confirmOutage(true)}, then, once parked on
 * confirm-reservation, the outage ended and a {@code retry} update), with the paymentTxId equal
 * to the file name, and saved with {@code
 * testEnv.getWorkflowClient().fetchHistory(paymentTxId).toJson(true)}. Record a new file the same
 * way when the saga gains a path; never regenerate one to make this test pass.
 *
 * <p>They were re-recorded (2026-11-26) when the saga learnt to reverse a payment in one step
 * (fence, release, refund) before it says FAILURE, and to write its status with a revision: no
 * saga had run in production yet, so no running history had to be kept replayable. From the
 * first release on, such a change goes behind {@code Workflow.getVersion}.
 *
 * <p>The {@code payment-saga-v1-*} histories were recorded (2026-12-07) the same way after the
 * changes {@code settled-saga-keeps-its-story}, {@code record-after-parking-writes-its-events} and
 * {@code accepted-decision-beats-timeout} (version 1 each): the happy path as is, the settled path
 * with {@code transactions.settledAs(CANCEL story)}, and the operator-retry path as above; the
 * older files keep the code before them (no markers) replayable.
 */
class PaymentSagaReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "histories/payment-saga-happy-path.json",
        "histories/payment-saga-retry-path.json",
        "histories/payment-saga-compensation-path.json",
        "histories/payment-saga-declined-path.json",
        "histories/payment-saga-operator-retry-path.json",
        "histories/payment-saga-v1-happy-path.json",
        "histories/payment-saga-v1-settled-path.json",
        "histories/payment-saga-v1-operator-retry-path.json"
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
                    "histories/payment-saga-happy-path.json", DebitsBeforeRecording.class))
        .hasMessageContaining("NonDeterministicException");
  }

  /** The saga with its first steps swapped: debit before writing the PROCESSING row. */
  public static class DebitsBeforeRecording implements PaymentSagaWorkflow {

    @Override
    public SagaState pay(PaymentRequest request, SagaPolicy policy) {
      Workflow.newLocalActivityStub(PointsActivities.class, SagaActivityOptions.paymentAttemptOptions(policy))
          .debit(request);
      return SagaState.started(request.paymentTxId());
    }

    @Override
    public SagaState state() {
      return null;
    }

    @Override
    public List<SagaStep> steps() {
      return List.of();
    }

    @Override
    public String retry() {
      return "";
    }

    @Override
    public void validateRetry() {}

    @Override
    public String compensate() {
      return "";
    }

    @Override
    public void validateCompensate() {}

    @Override
    public void decide(String decision) {}
  }
}
