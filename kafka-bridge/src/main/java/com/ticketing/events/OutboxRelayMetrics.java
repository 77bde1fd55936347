package com.ticketing.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts the outbox relay's failures to publish, {@value #FAILURES}, by {@code cause}:
 *
 * <ul>
 *   <li>{@code not_acknowledged} — an event the brokers did not acknowledge within the send
 *       timeout; it and the events behind it are sent again;
 *   <li>{@code round_failed} — a relay round that failed as a whole (the brokers or the database
 *       unreachable); its events stay in the outbox and go out later.
 * </ul>
 *
 * <p>What was sent shows in Kafka's own producer metrics ({@code kafka.producer.*}); how much waits
 * in the outbox in {@code ticketing.outbox.backlog}.
 */
@Component
public class OutboxRelayMetrics {

  public static final String FAILURES = "ticketing.outbox.publish.failures";

  private final Counter notAcknowledged;
  private final Counter roundFailed;

  public OutboxRelayMetrics(MeterRegistry registry) {
    notAcknowledged = failures(registry, "not_acknowledged");
    roundFailed = failures(registry, "round_failed");
  }

  void notAcknowledged() {
    notAcknowledged.increment();
  }

  void roundFailed() {
    roundFailed.increment();
  }

  private static Counter failures(MeterRegistry registry, String cause) {
    return Counter.builder(FAILURES)
        .description("Outbox events or relay rounds that failed to reach Kafka; they are sent again")
        .tag("cause", cause)
        .register(registry);
  }
}
