package com.ticketing.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code balance-matches-ledger}: each user's balance is what was granted, minus the debits,
 * plus the refunds (a user without grants was granted 0).
 */
final class BalanceMatchesLedgerRule implements BookRule {

  static final String ID = "balance-matches-ledger";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String sql() {
    return """
        SELECT u.id AS user_id, u.point_balance,
               COALESCE(g.granted, 0) AS granted, COALESCE(l.debited, 0) AS debited,
               COALESCE(l.refunded, 0) AS refunded
        FROM users u
        LEFT JOIN (SELECT user_id, SUM(amount) AS granted FROM point_grants GROUP BY user_id) g
          ON g.user_id = u.id
        LEFT JOIN (SELECT user_id,
                          SUM(CASE WHEN entry_type = 'DEBIT' THEN amount ELSE 0 END) AS debited,
                          SUM(CASE WHEN entry_type = 'REFUND' THEN amount ELSE 0 END) AS refunded
                   FROM point_ledger GROUP BY user_id) l
          ON l.user_id = u.id
        WHERE u.point_balance <> COALESCE(g.granted, 0) - COALESCE(l.debited, 0) + COALESCE(l.refunded, 0)
        ORDER BY u.id
        """;
  }

  @Override
  public Violation violation(ResultSet row) throws SQLException {
    long granted = row.getLong("granted");
    long debited = row.getLong("debited");
    long refunded = row.getLong("refunded");
    return Violation.ofBooks(
        ID,
        "user " + row.getLong("user_id") + " has a balance of " + row.getLong("point_balance")
            + " points, the ledger says " + (granted - debited + refunded)
            + " (granted " + granted + " - debited " + debited + " + refunded " + refunded + ")");
  }
}
