package com.ticketing.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code confirmed-seat-paid-once}: a CONFIRMED reservation names the payment that paid it, that
 * payment has exactly one DEBIT of the reservation's amount and no REFUND, and its row is SUCCESS
 * (or NEEDS_ATTENTION: a saga parked after its confirm, say on a Kafka outage, is still settling
 * and waits for an operator; its money is right).
 */
final class ConfirmedSeatPaidOnceRule implements BookRule {

  static final String ID = "confirmed-seat-paid-once";

  @Override
  public String id() {
    return ID;
  }

  // The ledger's unique key (payment_tx_id, entry_type) allows one entry of each type, so each
  // join finds at most one row.
  @Override
  public String sql() {
    return """
        SELECT r.id AS reservation_id, r.seat_id, r.amount, r.paid_by_tx_id,
               d.id AS debit_id, d.amount AS debit_amount, f.id AS refund_id, p.status AS payment_status
        FROM reservations r
        LEFT JOIN point_ledger d ON d.payment_tx_id = r.paid_by_tx_id AND d.entry_type = 'DEBIT'
        LEFT JOIN point_ledger f ON f.payment_tx_id = r.paid_by_tx_id AND f.entry_type = 'REFUND'
        LEFT JOIN payment_transactions p ON p.payment_tx_id = r.paid_by_tx_id
        WHERE r.status = 'CONFIRMED'
          AND (r.paid_by_tx_id IS NULL
               OR d.id IS NULL OR d.amount <> r.amount
               OR f.id IS NOT NULL
               OR p.payment_tx_id IS NULL OR p.status NOT IN ('SUCCESS', 'NEEDS_ATTENTION'))
        ORDER BY r.id
        """;
  }

  @Override
  public Violation violation(ResultSet row) throws SQLException {
    String paidBy = row.getString("paid_by_tx_id");
    long amount = row.getLong("amount");
    List<String> problems = new ArrayList<>();
    if (paidBy == null) {
      problems.add("no paid_by_tx_id");
    } else {
      if (row.getObject("debit_id") == null) {
        problems.add("no DEBIT");
      } else if (row.getLong("debit_amount") != amount) {
        problems.add("a DEBIT of " + row.getLong("debit_amount") + " points for a price of " + amount);
      }
      if (row.getObject("refund_id") != null) {
        problems.add("a REFUND");
      }
      String status = row.getString("payment_status");
      if (!"SUCCESS".equals(status) && !"NEEDS_ATTENTION".equals(status)) {
        problems.add(status == null ? "no payment row" : "its payment row is " + status);
      }
    }
    String detail = "reservation " + row.getLong("reservation_id") + " (seat " + row.getLong("seat_id")
        + ") is CONFIRMED with " + String.join(", ", problems);
    return Violation.ofPayment(ID, paidBy, detail);
  }
}
