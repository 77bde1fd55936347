package com.ticketing.points;

import com.ticketing.saga.PaymentRequest;
import io.temporal.activity.ActivityInterface;

/** The prepaid-points side of the saga. Both effects are idempotent per paymentTxId. */
@ActivityInterface
public interface PointsActivities {

  /**
   * Takes the amount from the user's balance once per paymentTxId. Declines with a
   * non-retryable {@link PaymentDeclined} failure; anything else is transient.
   */
  void debit(PaymentRequest request);

  /** Gives a debited amount back once; returns false when nothing had been debited. */
  boolean refund(PaymentRequest request);
}
