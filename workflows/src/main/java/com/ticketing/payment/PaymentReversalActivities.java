package com.ticketing.payment;

import com.ticketing.saga.PaymentRequest;
import io.temporal.activity.ActivityInterface;

/** Undoes a payment when its saga compensates or fails. */
@ActivityInterface
public interface PaymentReversalActivities {

  /**
   * In one transaction: fences the payment (a debit or confirm still in flight will refuse it),
   * releases the seat held for it and refunds its debit, exactly once. Returns
   * {@link Reversal#SEAT_SOLD} and changes nothing when the seat is already confirmed for this
   * payment. Idempotent.
   */
  Reversal reverse(PaymentRequest request);
}
