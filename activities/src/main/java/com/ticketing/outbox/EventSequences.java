package com.ticketing.outbox;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Numbers a saga's events 1, 2, 3, … in the order they are appended, with the counter on the saga's
 * polling row ({@code payment_transactions.last_event_sequence}). Reading it takes that row's lock,
 * so two transactions appending events of one saga — overlapping attempts of a step — number them
 * one after the other, never both with the same number; the outbox's unique key
 * (payment_tx_id, event_sequence) backs that up.
 */
final class EventSequences {

  private final JdbcTemplate jdbc;

  EventSequences(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The number of the saga's last event; locks the saga's polling row until the commit. */
  long lockLast(String paymentTxId) {
    List<Long> last =
        jdbc.queryForList(
            "SELECT last_event_sequence FROM payment_transactions WHERE payment_tx_id = ? FOR UPDATE",
            Long.class,
            paymentTxId);
    if (last.isEmpty()) {
      // Every step writes the polling row before (or with) its events; without it nothing can number them.
      throw new IllegalStateException("saga " + paymentTxId + " has no polling row to number its events");
    }
    return last.get(0);
  }

  /** Records the number of the saga's last event. */
  void taken(String paymentTxId, long sequence) {
    jdbc.update(
        "UPDATE payment_transactions SET last_event_sequence = ? WHERE payment_tx_id = ?", sequence, paymentTxId);
  }

  /**
   * An ignored insert is a repeated event (its eventId is there: it keeps its first number); anything
   * else would be a number taken twice, and the step fails rather than lose the event.
   */
  void requireWritten(String eventId) {
    List<Long> existing =
        jdbc.queryForList(
            "SELECT event_sequence FROM saga_outbox WHERE event_id = ? LOCK IN SHARE MODE", Long.class, eventId);
    if (existing.isEmpty()) {
      throw new IllegalStateException("event " + eventId + " was not written: its sequence number is taken");
    }
  }
}
