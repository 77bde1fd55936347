package com.ticketing.outbox;

import com.ticketing.events.EventEnvelope;
import com.ticketing.events.SagaEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saga's events, written in the transaction of the step that causes them, so that an event
 * exists exactly when its effect does. The relay sends them to Kafka; this side only writes, and
 * tells the relay of this instance after the commit that there is work.
 */
@Component
public class SagaOutbox {

  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final OutboxSignal signal;
  private final Clock clock;
  private final EventSequences sequences;
  private final OutboxTraceContext trace;

  public SagaOutbox(JdbcTemplate jdbc, JsonMapper json, OutboxSignal signal, Clock clock, OutboxTraceContext trace) {
    this.jdbc = jdbc;
    this.json = json;
    this.signal = signal;
    this.clock = clock;
    this.sequences = new EventSequences(jdbc);
    this.trace = trace;
  }

  /**
   * Adds the events to the current transaction; an event already written (same eventId) is kept as
   * it is. Each new event gets its saga's next sequence number, in list order.
   */
  public void append(List<SagaEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(clock.instant());
    String traceparent = trace.current();
    Map<String, Long> lastNumbers = new HashMap<>();
    Map<String, Long> taken = new HashMap<>();
    for (SagaEvent event : events) {
      String paymentTxId = event.payment().paymentTxId();
      long sequence = lastNumbers.computeIfAbsent(paymentTxId, sequences::lockLast) + 1;
      int written =
          jdbc.update(
              "INSERT IGNORE INTO saga_outbox (event_id, topic, message_key, payload, created_at, payment_tx_id,"
                  + " event_sequence, traceparent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              event.eventId(),
              event.type().topic(),
              event.payment().messageKey(),
              json.writeValueAsString(EventEnvelope.of(event, sequence)),
              now,
              paymentTxId,
              sequence,
              traceparent);
      if (written == 1) {
        lastNumbers.put(paymentTxId, sequence);
        taken.put(paymentTxId, sequence);
      } else {
        sequences.requireWritten(event.eventId());
      }
    }
    taken.forEach(sequences::taken);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              signal.poke();
            }
          });
    } else {
      signal.poke();
    }
  }

  /** The oldest events not sent yet, in the order they were written. */
  public List<OutboxEntry> unsent(int limit) {
    return jdbc.query(
        "SELECT id, event_id, topic, message_key, payload, traceparent FROM saga_outbox"
            + " WHERE published_at IS NULL ORDER BY id LIMIT ?",
        (row, i) ->
            new OutboxEntry(
                row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6)),
        limit);
  }

  public void markSent(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.update(
        "UPDATE saga_outbox SET published_at = UTC_TIMESTAMP(6) WHERE id IN ("
            + String.join(",", ids.stream().map(String::valueOf).toList()) + ")");
  }

  /** Forgets events sent longer ago than the retention; returns how many. */
  public int purgeSentBefore(java.time.Duration retention, int limit) {
    return jdbc.update(
        "DELETE FROM saga_outbox WHERE published_at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND LIMIT ?",
        retention.toSeconds(),
        limit);
  }

  /** How many events wait to be sent. */
  public long backlog() {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM saga_outbox WHERE published_at IS NULL", Long.class);
    return count == null ? 0 : count;
  }
}
