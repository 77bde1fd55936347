package com.ticketing.reservation;

import io.temporal.failure.ApplicationFailure;

/** Business reasons a reservation cannot be confirmed; the saga compensates on them. */
public final class ReservationRejected {

  public static final String TYPE = "ReservationRejected";

  private ReservationRejected() {}

  public static ApplicationFailure because(String reason) {
    return ApplicationFailure.newNonRetryableFailure(reason, TYPE);
  }
}
