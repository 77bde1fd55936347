package com.ticketing.payment;

import com.ticketing.saga.PaymentStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * Published (as a Spring application event) inside the transaction that settled a saga for good:
 * the seat's confirm (SUCCESS), or the status write that applied FAILURE or CANCEL. Each saga
 * settles once, so listeners that act after the commit see each saga once, however often its
 * steps were retried.
 *
 * @param startedAt when the polling row was created (the POST, or the payment.try command)
 * @param settledAt when the settling write ran
 */
public record SagaSettled(String paymentTxId, PaymentStatus status, Instant startedAt, Instant settledAt) {

  public Duration duration() {
    Duration duration = Duration.between(startedAt, settledAt);
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}
