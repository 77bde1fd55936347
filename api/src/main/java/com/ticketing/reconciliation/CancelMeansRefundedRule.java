package com.ticketing.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;

/** {@code cancel-means-refunded}: a CANCEL payment has both a DEBIT and its REFUND. */
final class CancelMeansRefundedRule implements BookRule {

  static final String ID = "cancel-means-refunded";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String sql() {
    return """
        SELECT p.payment_tx_id, d.id AS debit_id, d.amount AS debit_amount, f.id AS refund_id
        FROM payment_transactions p
        LEFT JOIN point_ledger d ON d.payment_tx_id = p.payment_tx_id AND d.entry_type = 'DEBIT'
        LEFT JOIN point_ledger f ON f.payment_tx_id = p.payment_tx_id AND f.entry_type = 'REFUND'
        WHERE p.status = 'CANCEL' AND (d.id IS NULL OR f.id IS NULL)
        ORDER BY p.payment_tx_id
        """;
  }

  @Override
  public Violation violation(ResultSet row) throws SQLException {
    boolean debited = row.getObject("debit_id") != null;
    boolean refunded = row.getObject("refund_id") != null;
    String detail;
    if (debited) {
      detail = "CANCEL with a DEBIT of " + row.getLong("debit_amount") + " points and no REFUND";
    } else if (refunded) {
      detail = "CANCEL with a REFUND but no DEBIT";
    } else {
      detail = "CANCEL without a DEBIT or REFUND (a payment that took nothing ends as FAILURE)";
    }
    return Violation.ofPayment(ID, row.getString("payment_tx_id"), detail);
  }
}
