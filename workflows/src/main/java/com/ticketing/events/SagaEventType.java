package com.ticketing.events;

/** The saga's events; each one is published on the Kafka topic of the same name. */
public enum SagaEventType {
  PAYMENT_TRY("payment.try"),
  PAYMENT_SUCCESS("payment.success"),
  PAYMENT_RETRY("payment.retry"),
  PAYMENT_FAILURE("payment.failure"),
  PAYMENT_CANCEL("payment.cancel"),
  RESERVATION_SUCCESS("reservation.success"),
  RESERVATION_FAILURE("reservation.failure");

  private final String topic;

  SagaEventType(String topic) {
    this.topic = topic;
  }

  public String topic() {
    return topic;
  }
}
