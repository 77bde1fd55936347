package com.ticketing.events;

import com.ticketing.saga.PaymentRequest;

/**
 * One saga step's event. Built inside the workflow from workflow time, so a retried publish sends
 * exactly the same content and the same {@link #eventId()}, and consumers can drop duplicates.
 */
public record SagaEvent(
    SagaEventType type,
    PaymentRequest payment,
    long occurredAtEpochMillis,
    Integer retryCount,
    String reason) {

  /** Deterministic per saga step: {@code paymentTxId:topic}, plus the retry number for retries. */
  public String eventId() {
    String id = payment.paymentTxId() + ":" + type.topic();
    return type == SagaEventType.PAYMENT_RETRY ? id + ":" + retryCount : id;
  }
}
