package com.ticketing.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code final-saga-left-seat-held}: a FAILURE or CANCEL payment does not leave a reservation
 * HELD and marked as paid by it (such a hold never lapses, so the seat would stay blocked).
 */
final class FinalSagaLeftSeatHeldRule implements BookRule {

  static final String ID = "final-saga-left-seat-held";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String sql() {
    return """
        SELECT p.payment_tx_id, p.status, r.id AS reservation_id, r.seat_id
        FROM payment_transactions p
        JOIN reservations r ON r.paid_by_tx_id = p.payment_tx_id
        WHERE p.status IN ('FAILURE', 'CANCEL') AND r.status = 'HELD'
        ORDER BY p.payment_tx_id
        """;
  }

  @Override
  public Violation violation(ResultSet row) throws SQLException {
    return Violation.ofPayment(
        ID,
        row.getString("payment_tx_id"),
        "the " + row.getString("status") + " payment left reservation " + row.getLong("reservation_id")
            + " (seat " + row.getLong("seat_id") + ") HELD and paid by it");
  }
}
