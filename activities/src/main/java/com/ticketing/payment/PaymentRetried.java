package com.ticketing.payment;

/**
 * Published (as a Spring application event) inside the transaction whose status write first
 * recorded the saga's {@code retryCount}-th payment retry; a repeated write of the same retry
 * publishes nothing.
 */
public record PaymentRetried(String paymentTxId, int retryCount) {}
