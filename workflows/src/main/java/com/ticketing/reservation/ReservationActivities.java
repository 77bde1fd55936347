package com.ticketing.reservation;

import com.ticketing.events.SagaEvent;
import com.ticketing.saga.PaymentRequest;
import io.temporal.activity.ActivityInterface;

/** The seat side of the saga: confirm a paid hold. Releasing it is part of the payment's reversal. */
@ActivityInterface
public interface ReservationActivities {

  /**
   * Turns the paid hold into a confirmed reservation and writes {@code confirmed} (the
   * reservation.success event) to the outbox in the same transaction. A hold that expired, is no
   * longer this payment's, or whose payment is fenced or refunded fails with a non-retryable
   * {@link ReservationRejected} failure.
   */
  void confirm(PaymentRequest request, SagaEvent confirmed);
}
