package com.ticketing.points;

import com.ticketing.saga.PaymentRequest;
import io.temporal.activity.ActivityInterface;

/** The prepaid-points side of the saga. */
@ActivityInterface
public interface PointsActivities {

  /**
   * Takes the reservation's price from the user's balance once per paymentTxId; an attempt that
   * finds the debit already taken succeeds without taking it again. Declines with a non-retryable
   * {@link PaymentDeclined} failure (a fenced or refunded payment included); anything else is
   * transient.
   */
  void debit(PaymentRequest request);
}
