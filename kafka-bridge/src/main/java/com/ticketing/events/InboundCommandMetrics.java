package com.ticketing.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Counts what became of inbound payment.try records: one counter, {@value #COUNTER}, with the tag
 * {@code result}:
 *
 * <ul>
 *   <li>{@code started} — the command started a new saga;
 *   <li>{@code joined} — the command joined the saga of its paymentTxId (a duplicate, or a
 *       redelivery);
 *   <li>{@code skipped_own_event} — a payment.try event the saga published itself, skipped;
 *   <li>{@code refused} — a delivery the listener refused (unreadable, no paymentTxId, or refused
 *       by the service); it goes to the dead-letter topic without retries;
 *   <li>{@code retried} — a delivery that failed transiently and will be redelivered after the
 *       back-off (once per redelivery, so one command may count several times);
 *   <li>{@code dead_lettered} — a record published on payment.try.DLT: refused ones, and those
 *       whose back-off ran out.
 * </ul>
 */
@Component
public class InboundCommandMetrics {

  public static final String COUNTER = "ticketing.inbound.commands";

  /** The values of the {@code result} tag. */
  enum Result {
    STARTED,
    JOINED,
    SKIPPED_OWN_EVENT,
    REFUSED,
    RETRIED,
    DEAD_LETTERED;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Map<Result, Counter> counters = new EnumMap<>(Result.class);

  public InboundCommandMetrics(MeterRegistry registry) {
    // Registered up front, so that every result shows (as 0) before it first happens.
    for (Result result : Result.values()) {
      counters.put(
          result,
          Counter.builder(COUNTER)
              .description("Inbound payment.try records by what became of them")
              .tag("result", result.tag())
              .register(registry));
    }
  }

  void count(Result result) {
    counters.get(result).increment();
  }
}
