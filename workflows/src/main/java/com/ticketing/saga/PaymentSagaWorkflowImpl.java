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
    record();
    publish(PAYMENT_TRY, null);

    String declined = debitWithBackoff();
    if (declined != null) {
      fail(declined);
      return state;
    }
    state = state.withStatus(PaymentStatus.SUCCESS, null);
    record();
    publish(PAYMENT_SUCCESS, null);

    confirmOrCompensate();
    return state;
  }

  @Override
  public SagaState state() {
    return state;
  }

  /** Returns null once the points are debited, else why the payment failed for good. */
  private String debitWithBackoff() {
    for (int retry = 1; ; retry++) {
      try {
        points.debit(request);
        return null;
      } catch (ActivityFailure failure) {
        String reason = reasonOf(failure);
        if (isDeclined(failure)) {
          return reason;
        }
        if (retry > PaymentRetryPolicy.MAX_RETRIES) {
          return "payment failed after " + PaymentRetryPolicy.MAX_RETRIES + " retries: " + reason;
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
              refunds.refund(request);
              reservations.release(request);
              state = state.cancelled(reason);
              record();
              publish(PAYMENT_CANCEL, reason);
            })
        .run();
  }

  private void fail(String reason) {
    state = state.withStatus(PaymentStatus.FAILURE, reason);
    record();
    publish(PAYMENT_FAILURE, reason);
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
