package com.ticketing.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code outbox-unsent}: every event a saga wrote reaches Kafka within {@value #STALE_MINUTES}
 * minutes; one still unsent after that means the relay is stuck (brokers down, the lease lost, an
 * event Kafka refuses) and consumers are missing what the saga's row already says.
 */
final class OutboxUnsentRule implements BookRule {

  static final String ID = "outbox-unsent";
  static final int STALE_MINUTES = 5;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String sql() {
    return """
        SELECT o.event_id, o.topic, o.created_at
        FROM saga_outbox o
        WHERE o.published_at IS NULL AND o.created_at < UTC_TIMESTAMP(6) - INTERVAL %d MINUTE
        ORDER BY o.id
        """.formatted(STALE_MINUTES);
  }

  @Override
  public Violation violation(ResultSet row) throws SQLException {
    String eventId = row.getString("event_id");
    return Violation.ofPayment(
        ID,
        eventId.substring(0, eventId.indexOf(':')),
        "event " + eventId + " (" + row.getString("topic") + ") written at "
            + row.getTimestamp("created_at").toInstant() + " is still not sent to Kafka");
  }
}
