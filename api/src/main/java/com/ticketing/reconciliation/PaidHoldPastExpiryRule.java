package com.ticketing.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code paid-hold-past-expiry}: a hold that a payment has marked as paid never lapses, so a HELD
 * reservation paid by a saga that has not settled, {@value #STALE_MINUTES} minutes past its expiry,
 * blocks its seat for every other buyer until someone settles that saga. (A settled saga's paid
 * hold is {@code final-saga-left-seat-held}.)
 */
final class PaidHoldPastExpiryRule implements BookRule {

  static final String ID = "paid-hold-past-expiry";
  static final int STALE_MINUTES = 10;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String sql() {
    return """
        SELECT r.id AS reservation_id, r.seat_id, r.paid_by_tx_id, r.expires_at, p.status
        FROM reservations r
        LEFT JOIN payment_transactions p ON p.payment_tx_id = r.paid_by_tx_id
        WHERE r.status = 'HELD' AND r.paid_by_tx_id IS NOT NULL
          AND r.expires_at < UTC_TIMESTAMP(6) - INTERVAL %d MINUTE
          AND (p.status IS NULL OR p.status NOT IN ('FAILURE', 'CANCEL'))
        ORDER BY r.id
        """.formatted(STALE_MINUTES);
  }

  @Override
  public Violation violation(ResultSet row) throws SQLException {
    String status = row.getString("status");
    return Violation.ofPayment(
        ID,
        row.getString("paid_by_tx_id"),
        "reservation " + row.getLong("reservation_id") + " (seat " + row.getLong("seat_id") + ") is HELD and paid by a "
            + (status == null ? "payment without a row" : status + " payment") + " since its expiry at "
            + row.getTimestamp("expires_at").toInstant() + ": the seat stays blocked");
  }
}
