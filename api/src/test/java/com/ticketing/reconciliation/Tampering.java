package com.ticketing.reconciliation;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Writes rows behind the service's back to break the books on purpose, and undoes every write
 * on {@link #close()}: all integration tests share one database, and others may expect clean books.
 * Ledger entries move the balance as the service would, so that only the intended rule breaks.
 */
final class Tampering implements AutoCloseable {

  private final JdbcTemplate jdbc;
  private final Deque<Runnable> undo = new ArrayDeque<>();

  Tampering(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A reservation; active_seat_id is the seat for HELD and CONFIRMED, as the service sets it. */
  long reservation(long userId, long seatId, long amount, String status, String paidByTxId) {
    boolean live = status.equals("HELD") || status.equals("CONFIRMED");
    return reservation(userId, seatId, live ? seatId : null, amount, status, paidByTxId);
  }

  long reservation(long userId, long seatId, Long activeSeatId, long amount, String status, String paidByTxId) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert = connection.prepareStatement(
              "INSERT INTO reservations (user_id, seat_id, active_seat_id, amount, status, expires_at,"
                  + " paid_by_tx_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?,"
                  + " UTC_TIMESTAMP(6) + INTERVAL 5 MINUTE, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
              Statement.RETURN_GENERATED_KEYS);
          insert.setLong(1, userId);
          insert.setLong(2, seatId);
          insert.setObject(3, activeSeatId);
          insert.setLong(4, amount);
          insert.setString(5, status);
          insert.setString(6, paidByTxId);
          return insert;
        },
        key);
    long id = key.getKey().longValue();
    undo.push(() -> jdbc.update("DELETE FROM reservations WHERE id = ?", id));
    return id;
  }

  void payment(String paymentTxId, long userId, long seatId, long reservationId, long amount, String status) {
    jdbc.update(
        "INSERT INTO payment_transactions (payment_tx_id, user_id, seat_id, reservation_id, amount, status,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
        paymentTxId, userId, seatId, reservationId, amount, status);
    undo.push(() -> jdbc.update("DELETE FROM payment_transactions WHERE payment_tx_id = ?", paymentTxId));
  }

  /** A ledger entry, with the balance moved by it (a DEBIT takes, a REFUND gives back). */
  void ledger(String paymentTxId, long userId, String entryType, long amount) {
    long change = entryType.equals("DEBIT") ? -amount : amount;
    jdbc.update(
        "INSERT INTO point_ledger (payment_tx_id, user_id, entry_type, amount, created_at)"
            + " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6))",
        paymentTxId, userId, entryType, amount);
    jdbc.update("UPDATE users SET point_balance = point_balance + ? WHERE id = ?", change, userId);
    undo.push(() -> {
      jdbc.update("UPDATE users SET point_balance = point_balance - ? WHERE id = ?", change, userId);
      jdbc.update("DELETE FROM point_ledger WHERE payment_tx_id = ? AND entry_type = ?", paymentTxId, entryType);
    });
  }

  /** Changes the balance without a ledger entry. */
  void balance(long userId, long balance) {
    long before = jdbc.queryForObject("SELECT point_balance FROM users WHERE id = ?", Long.class, userId);
    jdbc.update("UPDATE users SET point_balance = ? WHERE id = ?", balance, userId);
    undo.push(() -> jdbc.update("UPDATE users SET point_balance = ? WHERE id = ?", before, userId));
  }

  /** Rewrites the status of an existing payment row, and makes it the newest row. */
  void paymentStatus(String paymentTxId, String status) {
    var before = jdbc.queryForMap(
        "SELECT status, updated_at FROM payment_transactions WHERE payment_tx_id = ?", paymentTxId);
    jdbc.update(
        "UPDATE payment_transactions SET status = ?, updated_at = UTC_TIMESTAMP(6) WHERE payment_tx_id = ?",
        status, paymentTxId);
    undo.push(() -> jdbc.update(
        "UPDATE payment_transactions SET status = ?, updated_at = ? WHERE payment_tx_id = ?",
        before.get("status"), before.get("updated_at"), paymentTxId));
  }

  /** Moves the payment row's last change {@code minutes} into the past. */
  void paymentUnchangedFor(String paymentTxId, int minutes) {
    Object before =
        jdbc.queryForObject("SELECT updated_at FROM payment_transactions WHERE payment_tx_id = ?", Object.class, paymentTxId);
    jdbc.update(
        "UPDATE payment_transactions SET updated_at = UTC_TIMESTAMP(6) - INTERVAL ? MINUTE WHERE payment_tx_id = ?",
        minutes, paymentTxId);
    undo.push(() -> jdbc.update(
        "UPDATE payment_transactions SET updated_at = ? WHERE payment_tx_id = ?", before, paymentTxId));
  }

  /** Moves the reservation's expiry {@code minutes} into the past. */
  void reservationExpiredFor(long reservationId, int minutes) {
    jdbc.update(
        "UPDATE reservations SET expires_at = UTC_TIMESTAMP(6) - INTERVAL ? MINUTE WHERE id = ?", minutes, reservationId);
  }

  /** An event in the outbox, written {@code minutesAgo} and not sent. */
  void unsentEvent(String paymentTxId, String topic, int minutesAgo) {
    String eventId = paymentTxId + ":" + topic;
    jdbc.update(
        "INSERT INTO saga_outbox (event_id, topic, message_key, payload, created_at, published_at)"
            + " VALUES (?, ?, 'tampering', '{}', UTC_TIMESTAMP(6) - INTERVAL ? MINUTE, NULL)",
        eventId, topic, minutesAgo);
    undo.push(() -> jdbc.update("DELETE FROM saga_outbox WHERE event_id = ?", eventId));
  }

  /** Undoes every write, newest first (ledger before payment before reservation). */
  @Override
  public void close() {
    RuntimeException first = null;
    while (!undo.isEmpty()) {
      try {
        undo.pop().run();
      } catch (RuntimeException failed) {
        // Keep undoing: one failed delete must not leave the other rows behind.
        if (first == null) {
          first = failed;
        } else {
          first.addSuppressed(failed);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
