package com.ticketing.payment;

/**
 * A request to pay for a held reservation, from REST or from a Kafka {@code payment.try} command.
 *
 * @param paymentTxId the client's idempotency key; null lets the service choose one
 */
public record PaymentCommand(Long userId, Long reservationId, String paymentTxId) {}
