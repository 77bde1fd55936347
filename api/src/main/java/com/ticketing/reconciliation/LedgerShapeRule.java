package com.ticketing.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code ledger-shape}: a payment's ledger is empty, one DEBIT, or one DEBIT and one REFUND of
 * the same amount to the same user.
 */
final class LedgerShapeRule implements BookRule {

  static final String ID = "ledger-shape";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String sql() {
    return """
        SELECT payment_tx_id,
               SUM(CASE WHEN entry_type = 'DEBIT' THEN 1 ELSE 0 END) AS debits,
               SUM(CASE WHEN entry_type = 'REFUND' THEN 1 ELSE 0 END) AS refunds,
               MAX(CASE WHEN entry_type = 'DEBIT' THEN amount END) AS debit_amount,
               MAX(CASE WHEN entry_type = 'REFUND' THEN amount END) AS refund_amount,
               COUNT(DISTINCT user_id) AS users
        FROM point_ledger
        GROUP BY payment_tx_id
        HAVING debits <> 1 OR refunds > 1 OR users > 1 OR (refunds = 1 AND refund_amount <> debit_amount)
        ORDER BY payment_tx_id
        """;
  }

  @Override
  public Violation violation(ResultSet row) throws SQLException {
    long debits = row.getLong("debits");
    long refunds = row.getLong("refunds");
    long refundAmount = row.getLong("refund_amount");
    String detail;
    if (debits == 0) {
      detail = "a REFUND of " + refundAmount + " points without a DEBIT";
    } else if (debits > 1 || refunds > 1) {
      detail = debits + " DEBIT and " + refunds + " REFUND entries";
    } else if (row.getLong("users") > 1) {
      detail = "the DEBIT and the REFUND belong to different users";
    } else {
      detail = "a REFUND of " + refundAmount + " points for a DEBIT of " + row.getLong("debit_amount") + " points";
    }
    return Violation.ofPayment(ID, row.getString("payment_tx_id"), detail);
  }
}
