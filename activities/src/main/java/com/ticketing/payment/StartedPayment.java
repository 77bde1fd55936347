package com.ticketing.payment;

import com.ticketing.saga.PaymentStatus;

/**
 * The answer to a payment start: which saga runs it, its status, and whether this call started
 * it or joined one already under way.
 */
public record StartedPayment(String paymentTxId, PaymentStatus status, boolean joined) {}
