package com.ticketing.bench.direct;

import com.ticketing.bench.BenchPath;
import com.ticketing.bench.CpuMeter;
import com.ticketing.bench.HoldRetry;
import com.ticketing.bench.SagaNumbers;
import com.ticketing.bench.Sample;
import com.ticketing.bench.SagaPath;
import com.ticketing.bench.service.EngineAddresses;
import com.ticketing.events.SagaEvent;
import com.ticketing.events.SagaEventType;
import com.ticketing.payment.PaymentTransactionActivitiesImpl;
import com.ticketing.points.PointsActivitiesImpl;
import com.ticketing.reservation.Reservation;
import com.ticketing.reservation.ReservationActivitiesImpl;
import com.ticketing.reservation.ReservationService;
import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.PaymentStatus;
import com.ticketing.saga.SagaState;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * The direct path: a happy saga's database transactions, in the saga's order, through the
 * service's own activity implementations called as plain methods in this JVM, with no Temporal in
 * between; each step writes its status and its events (to the outbox) as the saga's do, and the
 * service's relay sends them to Kafka, as it does the saga's. Its latency runs from the polling
 * row's transaction to the end of the confirm's, the moment a buyer's poll would say final.
 *
 * <p>Its paymentTxIds contain a '~', which the service's inbound payment.try listener refuses at
 * validation, before any database read or workflow start: otherwise the listener would start a
 * real saga for every direct payment.try it consumes.
 */
public final class DirectPath implements SagaPath {

  private final ConfigurableApplicationContext context;
  private final ReservationService reservations;
  private final PollingRowWriter pollingRow;
  private final PaymentTransactionActivitiesImpl transactions;
  private final PointsActivitiesImpl points;
  private final ReservationActivitiesImpl confirmations;
  private final SagaNumbers numbers;
  private final String runId;
  private final AtomicLong revision = new AtomicLong();

  private DirectPath(ConfigurableApplicationContext context, SagaNumbers numbers, String runId) {
    this.context = context;
    this.reservations = context.getBean(ReservationService.class);
    this.pollingRow = context.getBean(PollingRowWriter.class);
    this.transactions = context.getBean(PaymentTransactionActivitiesImpl.class);
    this.points = context.getBean(PointsActivitiesImpl.class);
    this.confirmations = context.getBean(ReservationActivitiesImpl.class);
    this.numbers = numbers;
    this.runId = runId;
  }

  /** Starts the small Spring context against the service's database and Kafka. */
  public static DirectPath start(EngineAddresses engines, int poolSize, SagaNumbers numbers, String runId) {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(DirectPathConfiguration.class)
            .web(WebApplicationType.NONE)
            .properties(properties(engines, poolSize))
            .registerShutdownHook(false)
            .run();
    return new DirectPath(context, numbers, runId);
  }

  /** The service's own settings for the same work (application.yml), pointed at its engines. */
  static Map<String, Object> properties(EngineAddresses engines, int poolSize) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.main.banner-mode", "off");
    properties.put("spring.jmx.enabled", "false");
    properties.put("spring.datasource.url", engines.jdbcUrl());
    properties.put("spring.datasource.username", engines.databaseUser());
    properties.put("spring.datasource.password", engines.databasePassword());
    properties.put("spring.datasource.hikari.maximum-pool-size", poolSize);
    // More threads than connections at high concurrency: wait for one rather than fail after 2 s.
    properties.put("spring.datasource.hikari.connection-timeout", 30_000);
    properties.put("spring.datasource.hikari.connection-init-sql", "SET SESSION innodb_lock_wait_timeout = 3");
    properties.put("spring.transaction.default-timeout", "5s");
    properties.put("spring.flyway.enabled", "false"); // the service migrated the schema
    properties.put("spring.jpa.hibernate.ddl-auto", "none");
    properties.put("spring.jpa.properties.hibernate.jdbc.time_zone", "UTC");
    properties.put("spring.jpa.properties.hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP");
    if (engines.mariaDb()) {
      properties.put("spring.jpa.database-platform", "org.hibernate.dialect.MariaDBDialect");
      properties.put("spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access", "false");
    }
    properties.put("spring.kafka.bootstrap-servers", engines.kafkaBootstrapServers());
    properties.put("spring.kafka.producer.acks", "all");
    properties.put("spring.kafka.producer.properties.enable.idempotence", "true");
    properties.put("spring.kafka.producer.properties.max.in.flight.requests.per.connection", "5");
    properties.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
    properties.put("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.StringSerializer");
    properties.put("ticketing.chaos.enabled", "false");
    return properties;
  }

  @Override
  public BenchPath kind() {
    return BenchPath.DIRECT;
  }

  @Override
  public CpuMeter.Counted counted() {
    return CpuMeter.Counted.SERVICE_DATABASE_AND_BENCH;
  }

  @Override
  public Sample runOne() {
    long number = numbers.next();
    String paymentTxId = "direct~" + runId + "-" + number;
    int holdAttempts = 0;
    long holdNanos = -1;
    long startNanos = -1;
    long started = 0;
    long holding = System.nanoTime();
    try {
      Reservation held = null;
      while (held == null) {
        if (holdAttempts > 0) {
          HoldRetry.backOff(holdAttempts);
        }
        holdAttempts++;
        try {
          held = reservations.hold(number, number);
        } catch (TransientDataAccessException | DataAccessResourceFailureException busy) {
          // What the service answers with 503 "try again"; a client retries it, and so does this loop.
          if (holdAttempts >= HoldRetry.MAX_ATTEMPTS) {
            throw busy;
          }
        }
      }
      holdNanos = System.nanoTime() - holding;
      PaymentRequest request =
          new PaymentRequest(paymentTxId, number, held.getSeatId(), held.getId(), held.getAmount());

      started = System.nanoTime();
      pollingRow.write(request);
      startNanos = System.nanoTime() - started;
      transactions.record(
          request, state(paymentTxId, PaymentStatus.PROCESSING), nextRevision(), List.of(event(SagaEventType.PAYMENT_TRY, request)));
      points.debit(request);
      transactions.record(
          request, state(paymentTxId, PaymentStatus.SUCCESS), nextRevision(), List.of(event(SagaEventType.PAYMENT_SUCCESS, request)));
      confirmations.confirm(request, event(SagaEventType.RESERVATION_SUCCESS, request));
      return new Sample(
          paymentTxId, holding, Sample.SUCCESS, holdAttempts, holdNanos, startNanos, System.nanoTime() - started, 0, null);
    } catch (ApplicationFailure refused) {
      // A declined debit or a rejected confirm: the saga would end as FAILURE or CANCEL.
      return new Sample(
          paymentTxId, holding, "FAILURE", holdAttempts, holdNanos, startNanos, -1, 0, refused.getOriginalMessage());
    } catch (RuntimeException e) {
      return new Sample(paymentTxId, holding, Sample.ERROR, holdAttempts, holdNanos, startNanos, -1, 0,
          e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static SagaEvent event(SagaEventType type, PaymentRequest request) {
    return new SagaEvent(type, request, System.currentTimeMillis(), null, null);
  }

  private static SagaState state(String paymentTxId, PaymentStatus status) {
    return new SagaState(paymentTxId, status, 0, null, false, false, null, 0);
  }

  /** Increasing like the workflow's revisions (from the clock, one more than the last at least). */
  private long nextRevision() {
    return revision.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
  }

  @Override
  public void close() {
    context.close();
  }
}
