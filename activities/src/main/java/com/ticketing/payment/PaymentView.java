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

  /** FAILURE and CANCEL are final; SUCCESS once its seat is CONFIRMED. */
  public static boolean isFinal(PaymentStatus status, ReservationStatus reservationStatus) {
    return status.isTerminal()
        || (status == PaymentStatus.SUCCESS && reservationStatus == ReservationStatus.CONFIRMED);
  }

  static PaymentView of(PaymentTransaction tx, ReservationStatus reservationStatus) {
    return new PaymentView(
        tx.getPaymentTxId(),
        tx.getStatus(),
        isFinal(tx.getStatus(), reservationStatus),
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
