package com.ticketing.reservation;

/** A seat confirm the business refuses: the activity turns it into a reservation rejection. */
public class ConfirmRefusedException extends RuntimeException {

  public ConfirmRefusedException(String reason) {
    super(reason);
  }
}
