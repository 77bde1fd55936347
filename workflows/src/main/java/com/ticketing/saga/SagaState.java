package com.ticketing.saga;

/**
 * A snapshot of one saga, answered by the workflow's query and returned as its result.
 *
 * @param stuckStep the infrastructure step the saga is parked on (NEEDS_ATTENTION), else null
 * @param stepAttempts attempts made on the stuck step so far
 */
public record SagaState(
    String paymentTxId,
    PaymentStatus status,
    int retryCount,
    String lastError,
    boolean reservationConfirmed,
    boolean refunded,
    String stuckStep,
    int stepAttempts) {

  static SagaState started(String paymentTxId) {
    return new SagaState(paymentTxId, PaymentStatus.PROCESSING, 0, null, false, false, null, 0);
  }

  SagaState retrying(int retryCount, String error) {
    return new SagaState(paymentTxId, PaymentStatus.RETRYING, retryCount, error, false, false, null, 0);
  }

  SagaState withStatus(PaymentStatus newStatus, String error) {
    return new SagaState(
        paymentTxId, newStatus, retryCount, error, reservationConfirmed, refunded, null, 0);
  }

  SagaState confirmed() {
    return new SagaState(
        paymentTxId, status, retryCount, lastError, true, refunded, stuckStep, stepAttempts);
  }

  SagaState refunded(boolean refunded) {
    return new SagaState(
        paymentTxId, status, retryCount, lastError, reservationConfirmed, refunded, stuckStep, stepAttempts);
  }

  SagaState parked(String step, int attempts, String error) {
    return new SagaState(
        paymentTxId, PaymentStatus.NEEDS_ATTENTION, retryCount, error, reservationConfirmed, refunded, step, attempts);
  }

  public boolean awaitsOperator() {
    return status == PaymentStatus.NEEDS_ATTENTION;
  }
}
