package com.ticketing.saga;

import static com.ticketing.events.SagaEventType.PAYMENT_CANCEL;
import static com.ticketing.events.SagaEventType.PAYMENT_FAILURE;
import static com.ticketing.events.SagaEventType.PAYMENT_RETRY;
import static com.ticketing.events.SagaEventType.PAYMENT_SUCCESS;
import static com.ticketing.events.SagaEventType.PAYMENT_TRY;
import static com.ticketing.events.SagaEventType.RESERVATION_FAILURE;
import static com.ticketing.events.SagaEventType.RESERVATION_SUCCESS;

import com.ticketing.events.SagaEvent;
import com.ticketing.events.SagaEventActivities;
import com.ticketing.events.SagaEventType;
import com.ticketing.payment.PaymentTransactionActivities;
import com.ticketing.points.PaymentDeclined;
import com.ticketing.points.PointsActivities;
import com.ticketing.reservation.ReservationActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;

/**
 * The payment saga, top to bottom as in the sequence diagram: try → debit (with visible retries)
 * → success → confirm the seat, or compensate with a refund when the seat cannot be confirmed.
 */
public class PaymentSagaWorkflowImpl implements PaymentSagaWorkflow {

  private final PointsActivities points =
      Workflow.newActivityStub(PointsActivities.class, SagaActivityOptions.paymentAttemptOptions());
  private final PointsActivities refunds =
      Workflow.newActivityStub(PointsActivities.class, SagaActivityOptions.sideEffectOptions());
  private final ReservationActivities reservations =
      Workflow.newActivityStub(ReservationActivities.class, SagaActivityOptions.sideEffectOptions());
  private final PaymentTransactionActivities transactions =
      Workflow.newActivityStub(
          PaymentTransactionActivities.class, SagaActivityOptions.sideEffectOptions());
  private final SagaEventActivities events =
      Workflow.newActivityStub(SagaEventActivities.class, SagaActivityOptions.sideEffectOptions());

  private PaymentRequest request;
  private SagaState state;

  @Override
  public SagaState pay(PaymentRequest request) {
    this.request = request;
    this.state = SagaState.started(request.paymentTxId());
    try {
      record();
      publish(PAYMENT_TRY, null);

      Debit debit = debitWithBackoff();
      if (debit != Debit.TAKEN) {
        fail(debit);
        return state;
      }
      state = state.withStatus(PaymentStatus.SUCCESS, null);
      record();
      publish(PAYMENT_SUCCESS, null);

      confirmOrCompensate();
      return state;
    } catch (CanceledFailure cancelled) {
      Workflow.newDetachedCancellationScope(this::closeCancelledSaga).run();
      throw cancelled;
    }
  }

  @Override
  public SagaState state() {
    return state;
  }

  /** How the debit step ended. */
  private enum Debit {
    TAKEN,
    DECLINED,
    RETRIES_EXHAUSTED
  }

  private Debit debitWithBackoff() {
    for (int retry = 1; ; retry++) {
      try {
        points.debit(request);
        return Debit.TAKEN;
      } catch (ActivityFailure failure) {
        String reason = reasonOf(failure);
        if (isDeclined(failure)) {
          state = state.withStatus(state.status(), reason);
          return Debit.DECLINED;
        }
        if (retry > PaymentRetryPolicy.MAX_RETRIES) {
          state = state.withStatus(state.status(),
              "payment failed after " + PaymentRetryPolicy.MAX_RETRIES + " retries: " + reason);
          return Debit.RETRIES_EXHAUSTED;
        }
        state = state.retrying(retry, reason);
        record();
        publish(PAYMENT_RETRY, reason);
        Workflow.sleep(PaymentRetryPolicy.delayBefore(retry));
      }
    }
  }

  private void confirmOrCompensate() {
    try {
      reservations.confirm(request);
      state = state.confirmed();
      publish(RESERVATION_SUCCESS, null);
    } catch (ActivityFailure failure) {
      String reason = reasonOf(failure);
      publish(RESERVATION_FAILURE, reason);
      compensate(reason);
    }
  }

  /** Runs detached so that cancelling the workflow can never cancel a refund half-way. */
  private void compensate(String reason) {
    Workflow.newDetachedCancellationScope(
            () -> {
              releaseSeatThenRefund();
              state = state.withStatus(PaymentStatus.CANCEL, reason);
              record();
              publish(PAYMENT_CANCEL, reason);
            })
        .run();
  }

  /**
   * The seat is released before the refund: a confirm that raced the release and won means the
   * seat is sold, and then there is nothing to refund.
   */
  private boolean releaseSeatThenRefund() {
    if (!reservations.release(request)) {
      state = state.confirmed();
      return false;
    }
    state = state.refunded(refunds.refund(request));
    return true;
  }

  private void fail(Debit debit) {
    state = state.withStatus(PaymentStatus.FAILURE, state.lastError());
    record();
    if (debit == Debit.RETRIES_EXHAUSTED) {
      // The last attempt may have timed out after its debit committed; the debit step refuses to
      // run for a FAILURE row, so this refund is the last word on the money.
      state = state.refunded(refunds.refund(request));
    }
    publish(PAYMENT_FAILURE, state.lastError());
  }

  /** An operator cancelled the workflow: close the row and give back whatever was taken. */
  private void closeCancelledSaga() {
    if (state.reservationConfirmed() || !releaseSeatThenRefund()) {
      // The seat is sold and paid: the saga's outcome stands. Publishing again is harmless, as
      // the event has the same eventId.
      publish(RESERVATION_SUCCESS, null);
      return;
    }
    String reason = "saga cancelled before completion";
    state = state.withStatus(state.refunded() ? PaymentStatus.CANCEL : PaymentStatus.FAILURE, reason);
    record();
    publish(state.refunded() ? PAYMENT_CANCEL : PAYMENT_FAILURE, reason);
  }

  private void record() {
    transactions.record(request, state.status(), state.retryCount(), state.lastError());
  }

  private void publish(SagaEventType type, String reason) {
    Integer retryCount = state.retryCount() > 0 ? state.retryCount() : null;
    events.publish(
        new SagaEvent(type, request, Workflow.currentTimeMillis(), retryCount, reason));
  }

  private static boolean isDeclined(ActivityFailure failure) {
    return failure.getCause() instanceof ApplicationFailure app
        && PaymentDeclined.TYPE.equals(app.getType());
  }

  private static String reasonOf(ActivityFailure failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    return cause instanceof ApplicationFailure app ? app.getOriginalMessage() : cause.getMessage();
  }
}
