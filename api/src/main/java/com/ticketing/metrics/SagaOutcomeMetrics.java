package com.ticketing.metrics;

import com.ticketing.payment.PaymentRetried;
import com.ticketing.payment.SagaSettled;
import com.ticketing.saga.PaymentStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts settled sagas by final status ({@value #OUTCOMES}), times them from the polling row's
 * creation to the settling write ({@value #DURATION}, a histogram for percentiles), and counts
 * payment retries ({@value #RETRIES}). Only after the commit of the write that applied, so a
 * retried or rolled-back step counts nothing.
 */
@Component
public class SagaOutcomeMetrics {

  public static final String OUTCOMES = "ticketing.saga.outcomes";
  public static final String DURATION = "ticketing.saga.duration";
  public static final String RETRIES = "ticketing.payment.retries";

  /** The statuses a saga can settle in. */
  static final List<PaymentStatus> FINAL = List.of(PaymentStatus.SUCCESS, PaymentStatus.FAILURE, PaymentStatus.CANCEL);

  private final Map<PaymentStatus, Counter> outcomes = new EnumMap<>(PaymentStatus.class);
  private final Map<PaymentStatus, Timer> durations = new EnumMap<>(PaymentStatus.class);
  private final Counter retries;

  public SagaOutcomeMetrics(MeterRegistry registry) {
    // Registered up front, so that every status shows (as 0) before it first happens.
    for (PaymentStatus status : FINAL) {
      outcomes.put(
          status,
          Counter.builder(OUTCOMES)
              .description("Sagas settled, by final status; each saga once")
              .tag("status", status.name())
              .register(registry));
      durations.put(
          status,
          Timer.builder(DURATION)
              .description("From the payment's start (POST or payment.try) to its settling write")
              .tag("status", status.name())
              .publishPercentileHistogram()
              .minimumExpectedValue(Duration.ofMillis(10))
              // Beyond an hour (a parked saga) only the +Inf bucket: percentiles there read as 1 h.
              .maximumExpectedValue(Duration.ofHours(1))
              .register(registry));
    }
    retries =
        Counter.builder(RETRIES)
            .description("Payment attempts retried after a transient failure (the 1 s / 2 s / 4 s backoff)")
            .register(registry);
  }

  @TransactionalEventListener
  public void settled(SagaSettled saga) {
    Counter counter = outcomes.get(saga.status());
    if (counter == null) {
      return;
    }
    counter.increment();
    durations.get(saga.status()).record(saga.duration());
  }

  @TransactionalEventListener
  public void retried(PaymentRetried retry) {
    retries.increment();
  }
}
