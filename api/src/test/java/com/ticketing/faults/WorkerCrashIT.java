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
 * Two {@code all} instances share the sagas; one is SIGKILLed mid-run. The survivor must finish
 * every saga (Temporal hands the dead worker's tasks over once their timeouts pass), with the
 * books and the events right.
 */
class WorkerCrashIT {

  private static final String SCENARIO = "worker-crash";
  /** The fault is not in Kafka (BrokerLossIT covers the replicated cluster); one broker keeps it quick. */
  private static final int KAFKA_NODES = 1;
  private static final int SAGAS = 100;
  private static final int CONCURRENCY = 10;
  /** The kill comes once this many sagas are final, so that about ten are in flight. */
  private static final int KILL_AFTER_FINAL = 30;
  private static final double REST_DUPLICATE_SHARE = 0.2;
  private static final double KAFKA_DUPLICATE_SHARE = 0.1;
  private static final Duration RUN_DEADLINE = Duration.ofMinutes(2);
  private static final int DEMO_USERS = SAGAS;
  private static final int DEMO_SEATS = 2 * SAGAS;

  private static FaultStack stack;
  private static ServiceProcess survivor;
  private static ServiceProcess victim;

  @BeforeAll
  static void startStack() {
    stack = FaultStack.start(SCENARIO, KAFKA_NODES);
    List<String> arguments =
        List.of("--ticketing.demo-data.users=" + DEMO_USERS, "--ticketing.demo-data.seats=" + DEMO_SEATS);
    survivor = stack.launch("all-1", "all", arguments);
    victim = stack.launch("all-2", "all", arguments);
    stack.awaitHealthy(survivor, victim);
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theSurvivingInstanceFinishesEverySagaWhenTheOtherIsKilled() {
    FaultReport report = new FaultReport(SCENARIO);
    Operator operator = stack.operator(survivor);
    try (SagaDriver driver =
        new SagaDriver(FaultStack.clientsOf(survivor, victim), stack.kafka().bootstrapServers(), DEMO_USERS, DEMO_SEATS)) {
      Run run =
          driver.start(
              Plan.of("crash", SAGAS, CONCURRENCY)
                  .withDuplicates(REST_DUPLICATE_SHARE, KAFKA_DUPLICATE_SHARE)
                  .withSagaDeadline(RUN_DEADLINE));
      run.awaitFinished(KILL_AFTER_FINAL, RUN_DEADLINE);
      victim.kill();
      int stickyQueues = stack.temporal().releaseStickyTasksOf(victim.pid());
      report.note(
          "SIGKILLed " + victim + " after " + run.finished() + " sagas were final (" + stickyQueues
              + " sticky queue released by the launcher; the real server times them out itself)");
      report.countOperatorRetries(operator.retryParkedUntil(run::isDone, RUN_DEADLINE));
      report.add(run.await());
    } catch (AssertionError | RuntimeException e) {
      System.err.println(stack.instanceTails(60));
      throw e;
    }
    report.verify(stack, operator);
  }
}
