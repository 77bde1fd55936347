package com.ticketing.saga;

/** The status a client polls for, as stored in {@code payment_transactions.status}. */
public enum PaymentStatus {
  PENDING,
  PROCESSING,
  RETRYING,
  SUCCESS,
  FAILURE,
  CANCEL,
  /** An infrastructure step failed past its retry budget; the saga waits for an operator. */
  NEEDS_ATTENTION;

  /** FAILURE and CANCEL never change again; SUCCESS is final only once the seat is confirmed. */
  public boolean isTerminal() {
    return this == FAILURE || this == CANCEL;
  }
}
