package com.ticketing.points;

import io.temporal.failure.ApplicationFailure;

/** Business reasons a debit is refused at once, without retry. */
public final class PaymentDeclined {

  /** The failure type the workflow recognises as "do not retry, fail the saga". */
  public static final String TYPE = "PaymentDeclined";

  private PaymentDeclined() {}

  public static ApplicationFailure because(String reason) {
    return ApplicationFailure.newNonRetryableFailure(reason, TYPE);
  }
}
