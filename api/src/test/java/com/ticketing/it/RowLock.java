package com.ticketing.it;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A transaction of the test's own, on its own connection, left open to hold the row locks its
 * statement took: what a slow attempt of another process does to the service's transactions.
 * Closing it rolls back.
 */
public final class RowLock implements AutoCloseable {

  private final Connection connection;

  private RowLock(Connection connection) {
    this.connection = connection;
  }

  /** Runs the statement (e.g. a SELECT ... FOR UPDATE, or an INSERT) and keeps its locks. */
  public static RowLock take(DataSource dataSource, String sql, Object... arguments) {
    try {
      Connection connection = dataSource.getConnection();
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < arguments.length; i++) {
          statement.setObject(i + 1, arguments[i]);
        }
        statement.execute();
      }
      return new RowLock(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("could not take the lock: " + sql, e);
    }
  }

  /** Waits until at least {@code count} transactions wait for a row lock. */
  public static void awaitLockWaiters(JdbcTemplate jdbc, int count) {
    await("%d transactions waiting for a row lock".formatted(count))
        .atMost(Duration.ofSeconds(10))
        // InnoDB refreshes this table only when it was not read for 100 ms: poll slower than that.
        .pollInterval(Duration.ofMillis(150))
        .until(
            () -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'",
                    Integer.class)
                >= count);
  }

  public void commit() {
    try {
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try (connection) {
      connection.rollback();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
