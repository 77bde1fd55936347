package com.ticketing.faults;

import com.ticketing.embedded.RestartableMariaDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The money, checked straight in the database, independent of the service's own reconciliation:
 * each query lists the rows that break one rule.
 */
public final class SqlBooks {

  /** Net points a payment took: its debit minus its refund. */
  private static final String NET_BY_PAYMENT =
      "SELECT payment_tx_id,"
          + " SUM(CASE entry_type WHEN 'DEBIT' THEN 1 ELSE 0 END) AS debits,"
          + " SUM(CASE entry_type WHEN 'REFUND' THEN 1 ELSE 0 END) AS refunds,"
          + " SUM(CASE entry_type WHEN 'DEBIT' THEN amount ELSE -amount END) AS net"
          + " FROM point_ledger GROUP BY payment_tx_id";

  private static final Map<String, String> RULES = new LinkedHashMap<>();

  static {
    RULES.put(
        "a CONFIRMED reservation is paid by exactly one DEBIT of its amount and never refunded",
        "SELECT r.id AS reservation_id, r.paid_by_tx_id, r.amount, n.debits, n.refunds, n.net"
            + " FROM reservations r LEFT JOIN (" + NET_BY_PAYMENT + ") n ON n.payment_tx_id = r.paid_by_tx_id"
            + " WHERE r.status = 'CONFIRMED'"
            + " AND (n.debits IS NULL OR n.debits <> 1 OR n.refunds <> 0 OR n.net <> r.amount)");
    RULES.put(
        "the other payments of a CONFIRMED reservation took nothing",
        "SELECT p.payment_tx_id, p.reservation_id, p.status, n.net"
            + " FROM payment_transactions p JOIN reservations r ON r.id = p.reservation_id"
            + " JOIN (" + NET_BY_PAYMENT + ") n ON n.payment_tx_id = p.payment_tx_id"
            + " WHERE r.status = 'CONFIRMED' AND p.payment_tx_id <> r.paid_by_tx_id AND n.net <> 0");
    RULES.put(
        "a SUCCESS payment debited its amount once and its reservation is CONFIRMED by it",
        "SELECT p.payment_tx_id, p.amount, r.status AS reservation_status, r.paid_by_tx_id, n.debits, n.refunds, n.net"
            + " FROM payment_transactions p JOIN reservations r ON r.id = p.reservation_id"
            + " LEFT JOIN (" + NET_BY_PAYMENT + ") n ON n.payment_tx_id = p.payment_tx_id"
            + " WHERE p.status = 'SUCCESS' AND (n.debits IS NULL OR n.debits <> 1 OR n.refunds <> 0"
            + " OR n.net <> p.amount OR r.status <> 'CONFIRMED' OR r.paid_by_tx_id <> p.payment_tx_id)");
    RULES.put(
        "a CANCEL or FAILURE payment has no net debit",
        "SELECT p.payment_tx_id, p.status, n.debits, n.refunds, n.net"
            + " FROM payment_transactions p JOIN (" + NET_BY_PAYMENT + ") n ON n.payment_tx_id = p.payment_tx_id"
            + " WHERE p.status IN ('CANCEL', 'FAILURE') AND n.net <> 0");
    RULES.put(
        "a ledger entry belongs to a payment",
        "SELECT l.payment_tx_id, l.entry_type, l.amount FROM point_ledger l"
            + " LEFT JOIN payment_transactions p ON p.payment_tx_id = l.payment_tx_id WHERE p.payment_tx_id IS NULL");
    RULES.put(
        "every balance is its grants minus its debits plus its refunds",
        "SELECT u.id AS user_id, u.point_balance,"
            + " COALESCE((SELECT SUM(g.amount) FROM point_grants g WHERE g.user_id = u.id), 0) AS granted,"
            + " COALESCE((SELECT SUM(CASE l.entry_type WHEN 'DEBIT' THEN l.amount ELSE -l.amount END)"
            + " FROM point_ledger l WHERE l.user_id = u.id), 0) AS taken"
            + " FROM users u HAVING u.point_balance <> granted - taken");
  }

  private SqlBooks() {}

  /** One line per row that breaks a rule; empty when the books are right. */
  public static List<String> violations(RestartableMariaDb database) {
    List<String> violations = new ArrayList<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> rule : RULES.entrySet()) {
        try (ResultSet rows = statement.executeQuery(rule.getValue())) {
          while (rows.next()) {
            violations.add(rule.getKey() + ": " + describe(rows));
          }
        }
      }
    } catch (SQLException e) {
      violations.add("the books could not be read: " + e.getMessage());
    }
    return violations;
  }

  private static String describe(ResultSet row) throws SQLException {
    ResultSetMetaData columns = row.getMetaData();
    StringBuilder text = new StringBuilder("{");
    for (int i = 1; i <= columns.getColumnCount(); i++) {
      text.append(i > 1 ? ", " : "").append(columns.getColumnLabel(i)).append('=').append(row.getObject(i));
    }
    return text.append('}').toString();
  }
}
