package com.ticketing.saga;

/** What one payment saga is about: who pays how much for which held seat, under which id. */
public record PaymentRequest(
    String paymentTxId, long userId, long seatId, long reservationId, long amount) {

  /** The Kafka message key: every event of one seat lands on one partition, in order. */
  public String messageKey() {
    return userId + "-" + seatId;
  }
}
