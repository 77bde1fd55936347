package com.ticketing.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The audit trail of operator decisions (table {@code operator_audit}); each write commits at once. */
@Repository
public class OperatorAudit {

  private static final RowMapper<AuditEntry> ENTRY =
      (row, i) ->
          new AuditEntry(
              row.getLong("id"),
              row.getString("payment_tx_id"),
              row.getString("decision"),
              row.getString("reason"),
              row.getString("actor"),
              row.getTimestamp("decided_at").toInstant(),
              row.getString("result"),
              row.getString("detail"));

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public OperatorAudit(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records a decision before it is sent; returns the row's id for {@link #complete}. */
  public long requested(String paymentTxId, String decision, String reason, String actor) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var insert =
              connection.prepareStatement(
                  "INSERT INTO operator_audit (payment_tx_id, decision, reason, actor, result, decided_at)"
                      + " VALUES (?, ?, ?, ?, 'requested', ?)",
                  new String[] {"id"});
          insert.setString(1, cut(paymentTxId, 255));
          insert.setString(2, decision);
          insert.setString(3, reason);
          insert.setString(4, cut(actor, 255));
          insert.setTimestamp(5, Timestamp.from(clock.instant()));
          return insert;
        },
        key);
    return key.getKey().longValue();
  }

  public void complete(long id, String result, String detail) {
    jdbc.update("UPDATE operator_audit SET result = ?, detail = ? WHERE id = ?", result, cut(detail, 500), id);
  }

  /** The newest entries first. */
  public List<AuditEntry> newest(int limit) {
    return jdbc.query("SELECT * FROM operator_audit ORDER BY id DESC LIMIT ?", ENTRY, limit);
  }

  /** The saga's entries, newest first. */
  public List<AuditEntry> ofSaga(String paymentTxId, int limit) {
    return jdbc.query(
        "SELECT * FROM operator_audit WHERE payment_tx_id = ? ORDER BY id DESC LIMIT ?", ENTRY, paymentTxId, limit);
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
