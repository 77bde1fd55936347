package com.ticketing.errors;

import com.ticketing.errors.TicketingException.Kind;

/** Checks of ids that arrive from outside (REST bodies, Kafka commands). */
public final class Require {

  private Require() {}

  public static long positive(String field, Long value) {
    if (value == null || value <= 0) {
      throw new TicketingException(Kind.INVALID, "Invalid " + field, field + " must be a positive number");
    }
    return value;
  }
}
