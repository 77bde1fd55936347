package com.ticketing.points;

/** A debit the business refuses (no retry helps): the activity turns it into a payment decline. */
public class PaymentRefusedException extends RuntimeException {

  public PaymentRefusedException(String reason) {
    super(reason);
  }
}
