package com.ticketing.faults;

import com.ticketing.faults.SagaDriver.Plan;
import com.ticketing.it.ServiceProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A thousand sagas from fifty buyers at once while every fault of the chaos knobs strikes: steps
 * that commit and lose their answer, attempts that overrun their timeout inside their transaction
 * (so a second attempt overlaps them), declined and failing payments, rejected confirms, starts
 * sent twice over REST and as Kafka commands, and holds that lapse mid-saga. Every saga must end,
 * the books must balance, and each saga's events must match its outcome.
 */
class ChaosMixIT {

  private static final String SCENARIO = "chaos-mix";
  private static final int KAFKA_NODES = 1;
  private static final int SAGAS = 1000;
  private static final int CONCURRENCY = 50;
  private static final double REST_DUPLICATE_SHARE = 0.1;
  private static final double KAFKA_DUPLICATE_SHARE = 0.1;
  /** Every twentieth saga's hold lapses right after its payment was accepted. */
  private static final int LAPSE_EVERY = 20;
  private static final Duration SAGA_DEADLINE = Duration.ofMinutes(5);
  private static final int DEMO_USERS = SAGAS;
  private static final int DEMO_SEATS = 2 * SAGAS;

  /**
   * The knobs, and timeouts short enough for slow attempts to overlap within seconds: an attempt
   * may run 3 s; a slow one waits 3.5 s before its commit. Connection, lock and transaction waits
   * stay below the step timeout, as the service requires.
   */
  private static final List<String> CHAOS =
      List.of(
          "--ticketing.chaos.enabled=true",
          "--ticketing.chaos.lost-ack-rate=0.2",
          "--ticketing.chaos.slow-attempt-rate=0.1",
          "--ticketing.chaos.slow-attempt=PT3.5S",
          "--ticketing.chaos.payment-failure-rate=0.3",
          "--ticketing.chaos.confirm-failure-rate=0.1",
          "--ticketing.saga.step-timeout=PT3S",
          "--spring.transaction.default-timeout=2s",
          "--spring.datasource.hikari.connection-timeout=500",
          "--ticketing.database.lock-wait-timeout=PT1S",
          "--ticketing.demo-data.users=" + DEMO_USERS,
          "--ticketing.demo-data.seats=" + DEMO_SEATS);

  private static FaultStack stack;
  private static ServiceProcess all;
  private static ServiceProcess worker;

  @BeforeAll
  static void startStack() {
    stack = FaultStack.start(SCENARIO, KAFKA_NODES);
    all = stack.launch("all", "all", CHAOS);
    worker = stack.launch("worker", "worker", CHAOS);
    stack.awaitHealthy(all, worker);
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void everySagaEndsWithTheBooksBalancedWhenEveryFaultStrikes() {
    FaultReport report = new FaultReport(SCENARIO);
    Operator operator = stack.operator(all);
    AtomicInteger lapsed = new AtomicInteger();
    try (SagaDriver driver =
        new SagaDriver(FaultStack.clientsOf(all), stack.kafka().bootstrapServers(), DEMO_USERS, DEMO_SEATS)) {
      SagaDriver.Run run =
          driver.start(
              Plan.of("chaos", SAGAS, CONCURRENCY)
                  .withDuplicates(REST_DUPLICATE_SHARE, KAFKA_DUPLICATE_SHARE)
                  .withSagaDeadline(SAGA_DEADLINE)
                  .withAfterPay(
                      (index, reservationId) -> {
                        if (index % LAPSE_EVERY == 0) {
                          lapseHold(reservationId);
                          lapsed.incrementAndGet();
                        }
                      }));
      // Steps that keep failing past their budget park; the operator retries them, as one would.
      report.countOperatorRetries(operator.retryParkedUntil(run::isDone, SAGA_DEADLINE.multipliedBy(2)));
      report.add(run.await());
      report.note(lapsed.get() + " holds lapsed mid-saga");
    } catch (AssertionError | RuntimeException e) {
      System.err.println(stack.instanceTails(60));
      throw e;
    }
    report.verify(stack, operator);
  }

  private static void lapseHold(long reservationId) {
    try (Connection db = stack.database().connect();
        PreparedStatement lapse =
            db.prepareStatement("UPDATE reservations SET expires_at = UTC_TIMESTAMP(6) WHERE id = ?")) {
      lapse.setLong(1, reservationId);
      lapse.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not let hold " + reservationId + " lapse", e);
    }
  }
}
