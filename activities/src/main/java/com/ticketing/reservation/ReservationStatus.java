package com.ticketing.reservation;

/** A seat hold's life: HELD until paid and CONFIRMED, or EXPIRED / CANCELLED and free again. */
public enum ReservationStatus {
  HELD,
  CONFIRMED,
  EXPIRED,
  CANCELLED;

  public boolean occupiesSeat() {
    return this == HELD || this == CONFIRMED;
  }
}
