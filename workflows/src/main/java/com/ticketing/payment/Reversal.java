package com.ticketing.payment;

/** What reversing a payment found. */
public enum Reversal {
  /** The seat is confirmed for this payment: it is sold, and nothing was undone. */
  SEAT_SOLD,
  /** The payment's debit is refunded (now or by an earlier attempt) and its hold released. */
  REFUNDED,
  /** Nothing had been debited; the hold, if it was this payment's, is released. */
  NOTHING_DEBITED
}
