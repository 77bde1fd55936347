package com.ticketing.saga;

import static com.ticketing.saga.PaymentStatus.CANCEL;
import static com.ticketing.saga.PaymentStatus.FAILURE;
import static com.ticketing.saga.PaymentStatus.PROCESSING;
import static com.ticketing.saga.PaymentStatus.RETRYING;
import static com.ticketing.saga.PaymentStatus.SUCCESS;
import static com.ticketing.saga.SagaTestEnvironment.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.ticketing.events.SagaEvent;
import com.ticketing.events.SagaEventType;
import com.ticketing.saga.RecordedTransactions.Row;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An operator cancels a running saga: the seat goes back and whatever was taken is refunded. */
class PaymentSagaCancellationTest {

  private static final String REASON = "saga cancelled before completion";

  private final SagaTestEnvironment env = new SagaTestEnvironment();

  @AfterEach
  void stopTestServer() {
    env.close();
  }

  @Test
  void aCancelThatArrivesWhileTheConfirmRunsTakesEffectAfterItAndUndoesNothingSold()
      throws InterruptedException {
    // A step is a local activity: the saga sees a cancel only once the step in flight is done.
    // Here the confirm goes through, so the seat is sold and there is nothing to reverse.
    PaymentRequest request = request("tx-cancel-confirm");
    env.reservations.holdConfirms();
    PaymentSagaWorkflow saga = env.start(request);
    assertThat(env.reservations.confirmStarted().await(10, TimeUnit.SECONDS)).isTrue();

    WorkflowStub stub = WorkflowStub.fromTyped(saga);
    stub.cancel();
    env.reservations.letConfirmsFinish();
    catchThrowable(() -> stub.getResult(SagaState.class));

    assertThat(env.reservations.confirmed()).containsExactly(request);
    assertThat(env.reversals.reversals()).isEmpty();
    assertThat(env.points.givenBack()).isEmpty();
    assertThat(env.transactions.statuses()).last().isEqualTo(SUCCESS);
    assertThat(env.events.topics())
        .containsExactly("payment.try", "payment.success", "reservation.success");
  }

  @Test
  void cancellingWhileRetryingReleasesSeatAndRecordsFailure() throws InterruptedException {
    PaymentRequest request = request("tx-cancel-retry");
    env.points.failFirstDebits(1);
    PaymentSagaWorkflow saga = env.start(request);
    // No client waits for the result yet, so the saga stays asleep in its 1 s retry delay. Cancel
    // only once it sleeps: a cancel that races the completion of the RETRYING record makes
    // the test server refuse the saga's activity cancel (ACTIVITY_UNKNOWN) and leaves it stuck
    // for good (temporalio/sdk-java#2391); a real server copes.
    env.awaitStep("tx-cancel-retry", "record-retrying", "done");

    assertThat(cancelAndAwaitEnd(saga)).hasCauseInstanceOf(CanceledFailure.class);
    assertThat(env.points.debits()).hasSize(1);
    assertThat(env.reservations.confirms()).isEmpty();
    // The reversal runs and finds that nothing was taken: the row ends FAILURE, not CANCEL.
    assertThat(env.reversals.reversals()).containsExactly(request);
    assertThat(env.points.givenBack()).isEmpty();
    assertThat(env.transactions.rows())
        .containsExactly(
            new Row(PROCESSING, 0, null),
            new Row(RETRYING, 1, "bank timeout"),
            new Row(FAILURE, 1, REASON));
    assertThat(env.events.topics())
        .containsExactly("payment.try", "payment.retry", "payment.failure");
    assertThat(saga.state())
        .isEqualTo(
            new SagaState("tx-cancel-retry", FAILURE, 1, REASON, false, false, null, 0));
  }

  /** Cancels the saga and returns how it ended (a cancelled workflow ends with a failure). */
  private static WorkflowFailedException cancelAndAwaitEnd(PaymentSagaWorkflow saga) {
    WorkflowStub stub = WorkflowStub.fromTyped(saga);
    stub.cancel();
    return catchThrowableOfType(WorkflowFailedException.class, () -> stub.getResult(SagaState.class));
  }
}
