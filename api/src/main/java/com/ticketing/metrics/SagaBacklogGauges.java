package com.ticketing.metrics;

import com.ticketing.saga.PaymentStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Gauges of what waits: sagas parked in NEEDS_ATTENTION ({@value #PARKED}), how long the oldest
 * has waited ({@value #PARKED_OLDEST_AGE}, seconds), and saga events not yet relayed to Kafka
 * ({@value #OUTBOX_BACKLOG}). They come from two indexed queries every
 * {@code ticketing.metrics.snapshot-interval}; a scrape reads the last snapshot (the age moves on
 * with the clock between two), so scraping never loads the database.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SagaBacklogGauges implements SchedulingConfigurer {

  public static final String PARKED = "ticketing.saga.parked";
  public static final String PARKED_OLDEST_AGE = "ticketing.saga.parked.oldest.age";
  public static final String OUTBOX_BACKLOG = "ticketing.outbox.backlog";

  private static final Logger log = LoggerFactory.getLogger(SagaBacklogGauges.class);

  /** One reading; the age is taken by the database, whose rows hold UTC times. */
  private record Snapshot(long parked, long oldestParkedSeconds, long outboxBacklog, long takenAtNanos) {}

  private final JdbcTemplate jdbc;
  private final MetricsProperties properties;
  private volatile Snapshot snapshot = new Snapshot(0, 0, 0, System.nanoTime());

  public SagaBacklogGauges(JdbcTemplate jdbc, MetricsProperties properties, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.properties = properties;
    Gauge.builder(PARKED, this, gauges -> gauges.snapshot.parked())
        .description("Sagas in NEEDS_ATTENTION, waiting for an operator (as of the last snapshot)")
        .register(registry);
    Gauge.builder(PARKED_OLDEST_AGE, this, SagaBacklogGauges::oldestParkedAgeSeconds)
        .description("How long the longest-parked saga has waited in NEEDS_ATTENTION; 0 when none is")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder(OUTBOX_BACKLOG, this, gauges -> gauges.snapshot.outboxBacklog())
        .description("Saga events written to the outbox and not yet acknowledged by Kafka (as of the last snapshot)")
        .register(registry);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(new FixedDelayTask(this::refreshQuietly, properties.snapshotInterval(), Duration.ZERO));
  }

  /** Reads the database now; the gauges show this reading until the next. */
  public void refresh() {
    Snapshot parked =
        jdbc.queryForObject(
            "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, MIN(updated_at), UTC_TIMESTAMP(6)), 0)"
                + " FROM payment_transactions WHERE status = ?",
            (row, i) -> new Snapshot(row.getLong(1), Math.max(0, row.getLong(2)), 0, 0),
            PaymentStatus.NEEDS_ATTENTION.name());
    long backlog = jdbc.queryForObject("SELECT COUNT(*) FROM saga_outbox WHERE published_at IS NULL", Long.class);
    snapshot = new Snapshot(parked.parked(), parked.oldestParkedSeconds(), backlog, System.nanoTime());
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException databaseAway) {
      // The gauges keep the last reading; the health endpoint reports the database.
      log.warn("metrics snapshot failed: {}", databaseAway.getMessage());
    }
  }

  private double oldestParkedAgeSeconds() {
    Snapshot current = snapshot;
    if (current.parked() == 0) {
      return 0;
    }
    return current.oldestParkedSeconds() + (System.nanoTime() - current.takenAtNanos()) / 1e9;
  }
}
