package com.ticketing.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code debit-without-seat}: a payment that has not settled (PROCESSING, RETRYING, SUCCESS,
 * NEEDS_ATTENTION) does not hold a buyer's points — a DEBIT without its REFUND — without its seat
 * CONFIRMED, for longer than any healthy saga takes ({@value #STALE_MINUTES} minutes since its row
 * last changed): the buyer has paid and has no ticket, whether the saga is parked, stuck, or its
 * workflow is gone.
 */
final class DebitWithoutSeatRule implements BookRule {

  static final String ID = "debit-without-seat";
  static final int STALE_MINUTES = 10;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String sql() {
    return """
        SELECT p.payment_tx_id, p.status, p.reservation_id, p.updated_at, d.amount
        FROM payment_transactions p
        JOIN point_ledger d ON d.payment_tx_id = p.payment_tx_id AND d.entry_type = 'DEBIT'
        LEFT JOIN point_ledger r ON r.payment_tx_id = p.payment_tx_id AND r.entry_type = 'REFUND'
        LEFT JOIN reservations s
          ON s.id = p.reservation_id AND s.status = 'CONFIRMED' AND s.paid_by_tx_id = p.payment_tx_id
        WHERE p.status IN ('PROCESSING', 'RETRYING', 'SUCCESS', 'NEEDS_ATTENTION')
          AND r.id IS NULL AND s.id IS NULL
          AND p.updated_at < UTC_TIMESTAMP(6) - INTERVAL %d MINUTE
        ORDER BY p.payment_tx_id
        """.formatted(STALE_MINUTES);
  }

  @Override
  public Violation violation(ResultSet row) throws SQLException {
    return Violation.ofPayment(
        ID,
        row.getString("payment_tx_id"),
        "the " + row.getString("status") + " payment holds a DEBIT of " + row.getLong("amount")
            + " points without its seat CONFIRMED (reservation " + row.getLong("reservation_id")
            + "), unchanged since " + row.getTimestamp("updated_at").toInstant());
  }
}
