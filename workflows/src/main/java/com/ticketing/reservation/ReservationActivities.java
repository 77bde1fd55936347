package com.ticketing.reservation;

import com.ticketing.saga.PaymentRequest;
import io.temporal.activity.ActivityInterface;

/** The seat side of the saga: confirm a paid hold, or release it when the saga compensates. */
@ActivityInterface
public interface ReservationActivities {

  /**
   * Turns the paid hold into a confirmed reservation. A hold that expired or is no longer this
   * payment's fails with a non-retryable {@link ReservationRejected} failure.
   */
  void confirm(PaymentRequest request);

  /**
   * Cancels this payment's hold so the seat can be sold again. Returns false only when the seat
   * is already confirmed for this payment: then it is sold and must not be refunded.
   */
  boolean release(PaymentRequest request);
}
