package com.ticketing.payment;

import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.PaymentStatus;
import io.temporal.activity.ActivityInterface;

/** Writes the saga's progress into the polling table that clients read. */
@ActivityInterface
public interface PaymentTransactionActivities {

  /**
   * Sets the row's status, retry count and last error, creating the row if the saga was started
   * without one (e.g. from a Kafka command). Idempotent: setting the same values twice is a no-op.
   */
  void record(PaymentRequest request, PaymentStatus status, int retryCount, String lastError);
}
