package com.ticketing.faults;

import com.ticketing.faults.SagaDriver.Plan;
import com.ticketing.faults.SagaDriver.Run;
import com.ticketing.it.ServiceProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes away mid-run and comes back on the same data: every step that writes retries
 * through the outage (or parks and is retried by the operator), the buyers' calls fail and are
 * sent again, and in the end every saga is final with the money right.
 */
class DatabaseOutageIT {

  private static final String SCENARIO = "database-outage";
  /** The fault is not in Kafka (BrokerLossIT covers the replicated cluster); one broker keeps it quick. */
  private static final int KAFKA_NODES = 1;
  private static final int SAGAS = 100;
  private static final int CONCURRENCY = 10;
  /** The database stops once this many sagas are final, so that about ten are in flight. */
  private static final int STOP_AFTER_FINAL = 25;
  /** Shorter than the default retry budget of a step (10 attempts, about 2.5 min). */
  private static final Duration OUTAGE = Duration.ofSeconds(12);
  private static final double REST_DUPLICATE_SHARE = 0.2;
  private static final double KAFKA_DUPLICATE_SHARE = 0.1;
  private static final Duration RUN_DEADLINE = Duration.ofMinutes(3);
  private static final int DEMO_USERS = SAGAS;
  private static final int DEMO_SEATS = 2 * SAGAS;

  private static FaultStack stack;
  private static ServiceProcess api;
  private static ServiceProcess worker;

  @BeforeAll
  static void startStack() {
    stack = FaultStack.start(SCENARIO, KAFKA_NODES);
    List<String> arguments =
        List.of("--ticketing.demo-data.users=" + DEMO_USERS, "--ticketing.demo-data.seats=" + DEMO_SEATS);
    api = stack.launch("all", "all", arguments);
    worker = stack.launch("worker", "worker", arguments);
    stack.awaitHealthy(api, worker);
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void sagasResumeWhenTheDatabaseComesBack() {
    FaultReport report = new FaultReport(SCENARIO);
    Operator operator = stack.operator(api);
    try (SagaDriver driver =
        new SagaDriver(FaultStack.clientsOf(api), stack.kafka().bootstrapServers(), DEMO_USERS, DEMO_SEATS)) {
      Run run =
          driver.start(
              Plan.of("db-outage", SAGAS, CONCURRENCY)
                  .withDuplicates(REST_DUPLICATE_SHARE, KAFKA_DUPLICATE_SHARE)
                  .withSagaDeadline(RUN_DEADLINE));
      run.awaitFinished(STOP_AFTER_FINAL, RUN_DEADLINE);
      stack.database().stop();
      int finalAtStop = run.finished();
      report.note("stopped " + stack.database() + " after " + finalAtStop + " sagas were final");
      Deadlines.pause(OUTAGE); // the outage itself: nothing to poll for
      int finalDuringOutage = run.finished() - finalAtStop;
      stack.database().start();
      report.note("started the database again after " + OUTAGE.toSeconds() + " s; " + finalDuringOutage
          + " sagas became final during the outage");
      report.countOperatorRetries(operator.retryParkedUntil(run::isDone, RUN_DEADLINE));
      report.add(run.await());
    } catch (AssertionError | RuntimeException e) {
      System.err.println(stack.instanceTails(60));
      throw e;
    }
    report.verify(stack, operator);
  }
}
