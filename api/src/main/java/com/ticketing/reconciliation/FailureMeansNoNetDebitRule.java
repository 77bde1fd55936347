package com.ticketing.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;

/** {@code failure-means-no-net-debit}: a FAILURE payment has no DEBIT, or a DEBIT and its REFUND. */
final class FailureMeansNoNetDebitRule implements BookRule {

  static final String ID = "failure-means-no-net-debit";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String sql() {
    return """
        SELECT p.payment_tx_id, d.amount AS debit_amount
        FROM payment_transactions p
        JOIN point_ledger d ON d.payment_tx_id = p.payment_tx_id AND d.entry_type = 'DEBIT'
        LEFT JOIN point_ledger f ON f.payment_tx_id = p.payment_tx_id AND f.entry_type = 'REFUND'
        WHERE p.status = 'FAILURE' AND f.id IS NULL
        ORDER BY p.payment_tx_id
        """;
  }

  @Override
  public Violation violation(ResultSet row) throws SQLException {
    return Violation.ofPayment(
        ID,
        row.getString("payment_tx_id"),
        "FAILURE with a DEBIT of " + row.getLong("debit_amount") + " points and no REFUND");
  }
}
