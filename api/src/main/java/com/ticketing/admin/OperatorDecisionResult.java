package com.ticketing.admin;

/** The answer to an accepted operator decision. */
public record OperatorDecisionResult(String paymentTxId, String decision, String message) {}
