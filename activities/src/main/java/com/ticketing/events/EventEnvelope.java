package com.ticketing.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The JSON value of every saga message on Kafka (contracts/events/envelope.schema.json).
 * {@code sequence} numbers the saga's events 1, 2, 3, … in the order they were written, across topics.
 */
public record EventEnvelope(String eventId, String eventName, Instant occurredAt, long sequence, Data data) {

  /** The saga's facts; retryCount and reason appear only where they mean something. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Data(
      String paymentTxId,
      Long reservationId,
      Long userId,
      Long seatId,
      Long amount,
      Integer retryCount,
      String reason) {}

  public static EventEnvelope of(SagaEvent event, long sequence) {
    var payment = event.payment();
    return new EventEnvelope(
        event.eventId(),
        event.type().topic(),
        Instant.ofEpochMilli(event.occurredAtEpochMillis()),
        sequence,
        new Data(
            payment.paymentTxId(),
            payment.reservationId(),
            payment.userId(),
            payment.seatId(),
            payment.amount(),
            event.retryCount(),
            event.reason()));
  }
}
