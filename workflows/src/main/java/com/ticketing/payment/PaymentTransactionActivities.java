package com.ticketing.payment;

import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.SagaState;
import io.temporal.activity.ActivityInterface;

/** Writes the saga's progress into the polling table that clients read. */
@ActivityInterface
public interface PaymentTransactionActivities {

  /**
   * Sets the row's status, retry count, last error and stuck step from the saga's state, creating
   * the row if the saga was started without one. A write whose {@code revision} is not newer than
   * the row's changes nothing, and a FAILURE or CANCEL row never changes again: a late attempt
   * can never move the row backwards.
   */
  void record(PaymentRequest request, SagaState state, long revision);
}
