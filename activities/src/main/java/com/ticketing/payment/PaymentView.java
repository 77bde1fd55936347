package com.ticketing.payment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ticketing.reservation.ReservationStatus;
import com.ticketing.saga.PaymentStatus;
import java.time.Instant;

/** What a client polls: the saga's row and its reservation's status. */
public record PaymentView(
    String paymentTxId,
    PaymentStatus status,
    @JsonProperty("final") boolean isFinal,
    int retryCount,
    String lastError,
    long reservationId,
    ReservationStatus reservationStatus,
    long userId,
    long seatId,
    long amount,
    Instant updatedAt) {

  static PaymentView of(PaymentTransaction tx, ReservationStatus reservationStatus) {
    boolean done =
        tx.getStatus().isTerminal()
            || (tx.getStatus() == PaymentStatus.SUCCESS
                && reservationStatus == ReservationStatus.CONFIRMED);
    return new PaymentView(
        tx.getPaymentTxId(),
        tx.getStatus(),
        done,
        tx.getRetryCount(),
        tx.getLastError(),
        tx.getReservationId(),
        reservationStatus,
        tx.getUserId(),
        tx.getSeatId(),
        tx.getAmount(),
        tx.getUpdatedAt());
  }
}
