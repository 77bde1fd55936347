package com.ticketing.admin;

import com.ticketing.payment.PaymentTransaction;
import com.ticketing.saga.PaymentStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * One saga as an operator lists it, from the polling table.
 *
 * @param age since the saga started
 * @param idleFor since its row last changed (how long it has been stuck, when parked)
 */
public record SagaSummary(
    String paymentTxId,
    PaymentStatus status,
    String stuckStep,
    int stepAttempts,
    int retryCount,
    String lastError,
    long userId,
    long seatId,
    long reservationId,
    long amount,
    Instant createdAt,
    Instant updatedAt,
    Duration age,
    Duration idleFor) {

  static SagaSummary of(PaymentTransaction tx, Instant now) {
    return new SagaSummary(
        tx.getPaymentTxId(),
        tx.getStatus(),
        tx.getStuckStep(),
        tx.getStepAttempts(),
        tx.getRetryCount(),
        tx.getLastError(),
        tx.getUserId(),
        tx.getSeatId(),
        tx.getReservationId(),
        tx.getAmount(),
        tx.getCreatedAt(),
        tx.getUpdatedAt(),
        Duration.between(tx.getCreatedAt(), now),
        Duration.between(tx.getUpdatedAt(), now));
  }
}
