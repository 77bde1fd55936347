package com.ticketing.events;

import com.ticketing.it.IntegrationTest.Hold;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * A payment_transactions row inserted in a transaction the test keeps open on its own
 * connection: the service's insert of the same paymentTxId waits for its lock (and fails after
 * the lock-wait timeout) until the test rolls it back on close.
 */
final class UncommittedPaymentRow implements AutoCloseable {

  private final Connection connection;

  private UncommittedPaymentRow(Connection connection) {
    this.connection = connection;
  }

  static UncommittedPaymentRow insert(DataSource dataSource, String paymentTxId, Hold hold) throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      connection.setAutoCommit(false);
      Timestamp now = Timestamp.from(Instant.now());
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO payment_transactions (payment_tx_id, user_id, seat_id, reservation_id, amount,"
                  + " status, retry_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'PROCESSING', 0, ?, ?)")) {
        insert.setString(1, paymentTxId);
        insert.setLong(2, hold.userId());
        insert.setLong(3, hold.seatId());
        insert.setLong(4, hold.reservationId());
        insert.setLong(5, hold.price());
        insert.setTimestamp(6, now);
        insert.setTimestamp(7, now);
        insert.executeUpdate();
      }
      return new UncommittedPaymentRow(connection);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Rolls the insert back, which lets the waiting insert through. */
  @Override
  public void close() throws SQLException {
    try {
      connection.rollback();
    } finally {
      connection.close();
    }
  }
}
