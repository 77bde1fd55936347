package com.ticketing.faults;

import com.ticketing.embedded.KafkaCluster;
import com.ticketing.faults.SagaDriver.DriveResult;
import com.ticketing.faults.SagaDriver.Plan;
import com.ticketing.faults.SagaDriver.Run;
import com.ticketing.it.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Brokers die under a three-broker cluster whose topics have replication factor 3 and
 * min.insync.replicas 2 (producers acks=all). The saga writes its events to the outbox in its own
 * transactions, so it needs no broker: one broker lost, sagas keep their pace; two lost, no send
 * can be acknowledged, sagas still finish and their events wait in the outbox; both back, the
 * relay sends every waiting event, and none is lost.
 */
class BrokerLossIT {

  private static final String SCENARIO = "broker-loss";
  private static final int CONCURRENCY = 10;
  private static final int WARM_UP_SAGAS = 10;
  private static final int BASELINE_SAGAS = 20;
  private static final int ONE_DOWN_SAGAS = 100;
  /** The first broker dies once this many sagas of the second run are final (mid-run). */
  private static final int FIRST_KILL_AFTER_FINAL = 25;
  private static final int TWO_DOWN_SAGAS = 30;
  private static final int SECOND_KILL_AFTER_FINAL = 5;
  private static final Duration TWO_DOWN_FOR = Duration.ofSeconds(20);
  /**
   * What one lost broker may add to the slowest saga: the controller notices it after its
   * broker session timeout (9 s), plus a new controller election when the lost broker was the
   * active controller (a few seconds); the publish attempts in between fail after their 5 s
   * delivery timeout and are retried after 0.5 s and 1 s.
   */
  private static final Duration ONE_BROKER_FAILOVER_ALLOWANCE = Duration.ofSeconds(25);
  private static final Duration RUN_DEADLINE = Duration.ofMinutes(3);
  private static final int DEMO_USERS = WARM_UP_SAGAS + BASELINE_SAGAS + ONE_DOWN_SAGAS + TWO_DOWN_SAGAS;
  private static final int DEMO_SEATS = 2 * DEMO_USERS;
  /** A failing step parks after 4 attempts (≈ 4 s): with one or two brokers lost, none may. */
  private static final int STEP_RETRY_LIMIT = 4;

  /** The relay's sends fail in seconds, not after Kafka's default two minutes, and are sent again. */
  private static final List<String> PRODUCER_TIMEOUTS =
      List.of(
          "--spring.kafka.producer.properties.delivery.timeout.ms=5000",
          "--spring.kafka.producer.properties.request.timeout.ms=2000",
          "--spring.kafka.producer.properties.max.block.ms=2000");

  private static FaultStack stack;
  private static ServiceProcess api;
  private static ServiceProcess worker;

  @BeforeAll
  static void startStack() {
    stack = FaultStack.start(SCENARIO, KafkaCluster.DEFAULT_NODES);
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--ticketing.demo-data.users=" + DEMO_USERS,
                "--ticketing.demo-data.seats=" + DEMO_SEATS,
                "--ticketing.saga.step-retry-limit=" + STEP_RETRY_LIMIT));
    arguments.addAll(PRODUCER_TIMEOUTS);
    api = stack.launch("all", "all", arguments);
    worker = stack.launch("worker", "worker", arguments);
    stack.awaitHealthy(api, worker);
  }

  private static long unsentEvents() {
    try (java.sql.Connection db = stack.database().connect();
        java.sql.Statement query = db.createStatement();
        java.sql.ResultSet count = query.executeQuery("SELECT COUNT(*) FROM saga_outbox WHERE published_at IS NULL")) {
      count.next();
      return count.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("could not count the outbox", e);
    }
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void sagasKeepTheirPaceWhileBrokersAreLostAndNoEventIsLost() {
    FaultReport report = new FaultReport(SCENARIO);
    Operator operator = stack.operator(api);
    KafkaCluster kafka = stack.kafka();
    try (SagaDriver driver = new SagaDriver(FaultStack.clientsOf(api), kafka.bootstrapServers(), DEMO_USERS, DEMO_SEATS)) {
      // The instances' first sagas are slow (cold JIT, first connections): not a fair baseline.
      report.add(driver.run(Plan.of("warm-up", WARM_UP_SAGAS, CONCURRENCY)));
      DriveResult baseline = report.add(driver.run(Plan.of("brokers-all-up", BASELINE_SAGAS, CONCURRENCY)));

      // (a) one broker lost: the active controller, the worst single broker to lose
      Run oneDown = driver.start(Plan.of("broker-one-down", ONE_DOWN_SAGAS, CONCURRENCY).withDuplicates(0, 0.1));
      oneDown.awaitFinished(FIRST_KILL_AFTER_FINAL, RUN_DEADLINE);
      int first = kafka.activeController();
      kafka.kill(first);
      report.note("SIGKILLed kafka node " + first + " (the active controller) after " + oneDown.finished() + " sagas were final");
      int retriedWithOneDown = operator.retryParkedUntil(oneDown::isDone, RUN_DEADLINE);
      DriveResult withOneDown = report.add(oneDown.await());
      report.expect(
          withOneDown.thatPassedThrough("NEEDS_ATTENTION").isEmpty() && retriedWithOneDown == 0,
          "with one broker down no saga should park; parked: " + withOneDown.thatPassedThrough("NEEDS_ATTENTION"));
      report.expect(
          withOneDown.slowest().compareTo(baseline.slowest().plus(ONE_BROKER_FAILOVER_ALLOWANCE)) <= 0,
          "with one broker down the slowest saga took " + withOneDown.slowest() + ", more than the slowest with all up ("
              + baseline.slowest() + ") plus " + ONE_BROKER_FAILOVER_ALLOWANCE);

      // (b) two brokers lost: min.insync.replicas cannot be met, so no send is acknowledged
      Run twoDown = driver.start(Plan.of("brokers-two-down", TWO_DOWN_SAGAS, CONCURRENCY));
      twoDown.awaitFinished(SECOND_KILL_AFTER_FINAL, RUN_DEADLINE);
      int second = IntStream.rangeClosed(1, kafka.size()).filter(kafka::isAlive).findFirst().orElseThrow();
      kafka.kill(second);
      report.note("SIGKILLed kafka node " + second + " after " + twoDown.finished() + " sagas were final; down for " + TWO_DOWN_FOR.toSeconds() + " s");
      Deadlines.pause(TWO_DOWN_FOR); // the outage itself: nothing to poll for
      List<String> parked = operator.parkedSagas();
      long waitingInOutbox = unsentEvents();
      int finalWithoutKafka = twoDown.finished();
      report.note(finalWithoutKafka + " of " + TWO_DOWN_SAGAS + " sagas final and " + waitingInOutbox
          + " events waiting in the outbox while two brokers were down; parked: " + parked);
      report.expect(parked.isEmpty(), "sagas parked although they need no broker: " + parked);
      report.expect(waitingInOutbox > 0, "no event waited in the outbox although no send could be acknowledged");
      report.expect(
          finalWithoutKafka > SECOND_KILL_AFTER_FINAL,
          "no saga finished while two brokers were down, though sagas need no broker");

      // (c) both back: the relay sends every waiting event
      kafka.restart(first);
      kafka.restart(second);
      kafka.awaitBrokers(kafka.size(), KafkaCluster.START_DEADLINE);
      report.note("restarted kafka nodes " + first + " and " + second);
      report.countOperatorRetries(retriedWithOneDown + operator.retryParkedUntil(twoDown::isDone, RUN_DEADLINE));
      report.add(twoDown.await());
      boolean drained = Deadlines.poll(RUN_DEADLINE, Duration.ofMillis(500), () -> unsentEvents() == 0);
      report.expect(drained, "the outbox still holds " + unsentEvents() + " events after the brokers came back");
    } catch (AssertionError | RuntimeException e) {
      System.err.println(stack.instanceTails(60));
      throw e;
    }
    report.verify(stack, operator);
  }
}
