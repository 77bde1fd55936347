package com.ticketing.saga;

/** A snapshot of one saga, answered by the workflow's query and returned as its result. */
public record SagaState(
    String paymentTxId,
    PaymentStatus status,
    int retryCount,
    String lastError,
    boolean reservationConfirmed,
    boolean refunded) {

  static SagaState started(String paymentTxId) {
    return new SagaState(paymentTxId, PaymentStatus.PROCESSING, 0, null, false, false);
  }

  SagaState retrying(int retryCount, String error) {
    return new SagaState(paymentTxId, PaymentStatus.RETRYING, retryCount, error, false, false);
  }

  SagaState withStatus(PaymentStatus newStatus, String error) {
    return new SagaState(paymentTxId, newStatus, retryCount, error, reservationConfirmed, refunded);
  }

  SagaState confirmed() {
    return new SagaState(paymentTxId, status, retryCount, lastError, true, refunded);
  }

  SagaState refunded(boolean refunded) {
    return new SagaState(paymentTxId, status, retryCount, lastError, reservationConfirmed, refunded);
  }
}
