package com.ticketing.embedded;

import com.ticketing.it.ServiceProcess;

import com.ticketing.it.ApiClient.Response;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar, unchanged, against external engines: two instances (one {@code all}, one
 * {@code worker}) share the sagas through Temporal; a missing or unreachable engine stops
 * start-up with one readable line. The engines are the embedded ones, started in this JVM and
 * handed to the instances as the {@code external} profile's variables.
 */
class ScaledOutServiceIT {

  /** Two cold Spring Boot JVMs plus the engines on a busy 2-core machine. */
  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(180);
  private static final Duration SAGA_DEADLINE = Duration.ofSeconds(120);
  private static final int SAGAS_PER_ROUND = 20;
  /** Demo users 1-100: each saga pays with a user of its own, so no balance runs short. */
  private static final int MAX_SAGAS = 100;

  private static Map<String, Object> engines;
  private static WorkflowServiceStubs temporalStubs;
  private static final List<ServiceProcess> running = new ArrayList<>();

  @BeforeAll
  static void startEngines() {
    // No Spring here to configure logging: without this, the broker logs at DEBUG.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.WARN);
    engines = EmbeddedEngines.startOnce().connectionProperties();
    temporalStubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporalTarget()).build());
  }

  @AfterAll
  static void stopInstances() {
    running.forEach(ServiceProcess::close);
    if (temporalStubs != null) {
      temporalStubs.shutdown();
    }
  }

  @Test
  void sagasRunAcrossTwoInstancesAgainstExternalEngines() {
    ServiceProcess all = launch("scaled-out-all", externalEnvironment("all"));
    ServiceProcess worker = launch("scaled-out-worker", externalEnvironment("worker"));
    try {
      for (ServiceProcess instance : List.of(all, worker)) {
        JsonNode health = instance.awaitHealthy(STARTUP_DEADLINE);
        for (String component : List.of("db", "kafka", "temporal")) {
          assertThat(health.path("components").path(component).path("status").asString())
              .as("%s health component %s in %s", instance, component, health)
              .isEqualTo("UP");
        }
      }
      assertThat(worker.get("/api/users/1/points").status())
          .as("a worker instance serves no REST API")
          .isEqualTo(404);

      WorkflowClient temporal = WorkflowClient.newInstance(temporalStubs);
      Map<Long, Integer> tasksByPid = new TreeMap<>();
      int sagas = 0;
      while (!(tasksByPid.containsKey(all.pid()) && tasksByPid.containsKey(worker.pid()))) {
        assertThat(sagas)
            .as("after %d sagas not both instances ran sagas; workflow tasks by pid: %s (%s, %s)",
                sagas, tasksByPid, all, worker)
            .isLessThan(MAX_SAGAS);
        List<Saga> round = startSagas(all, sagas + 1, SAGAS_PER_ROUND);
        sagas += round.size();
        awaitSucceeded(all, round);
        for (Saga saga : round) {
          tallyWorkflowTasks(temporal, saga.paymentTxId(), tasksByPid, all, worker);
        }
      }
      System.out.printf(
          "%d sagas on two instances; workflow tasks by pid: %s (%s, %s)%n", sagas, tasksByPid, all, worker);
    } catch (AssertionError | RuntimeException e) {
      System.err.println(all.tail(80));
      System.err.println(worker.tail(80));
      throw e;
    }
  }

  @Test
  void startupFailsWithOneLineWhenMysqlIsUnreachable() {
    Map<String, String> environment = externalEnvironment("all");
    environment.put("MYSQL_URL", "jdbc:mysql://127.0.0.1:" + ServiceProcess.freePort() + "/ticketing");

    assertFailsToStartWith(launch("unreachable-mysql", environment), "Cannot reach MySQL");
  }

  @Test
  void startupFailsWithOneLineWhenMysqlIsNotConfigured() {
    Map<String, String> environment = externalEnvironment("all");
    environment.remove("MYSQL_URL");

    assertFailsToStartWith(launch("unconfigured-mysql", environment), "MySQL is not configured");
  }

  private record Saga(String paymentTxId, long userId, long amount, long balanceBefore) {}

  /**
   * Holds one seat per user (user i takes seat 100 + i), then pays for all of them at once: each
   * saga runs in one or two workflow tasks, so only starts that overlap keep more than one
   * worker's pollers busy.
   */
  private static List<Saga> startSagas(ServiceProcess api, int firstUser, int count) {
    List<Saga> sagas = new ArrayList<>();
    Map<Saga, Long> reservations = new HashMap<>();
    for (long userId = firstUser; userId < firstUser + count; userId++) {
      long balanceBefore = balance(api, userId);
      Response held = api.post("/api/reservations", Map.of("userId", userId, "seatId", 100 + userId));
      assertThat(held.status()).as("hold answer %s", held).isEqualTo(201);
      Saga saga = new Saga("scaled-out-" + userId + "-" + UUID.randomUUID(), userId, held.body().path("amount").asLong(), balanceBefore);
      sagas.add(saga);
      reservations.put(saga, held.body().path("reservationId").asLong());
    }
    ExecutorService payers = Executors.newFixedThreadPool(count);
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (Saga saga : sagas) {
        answers.add(payers.submit(() -> api.post(
            "/api/payments",
            Map.of("userId", saga.userId(), "reservationId", reservations.get(saga), "paymentTxId", saga.paymentTxId()))));
      }
      for (Future<Response> answer : answers) {
        Response paid = answer.get();
        assertThat(paid.status()).as("pay answer %s", paid).isEqualTo(202);
      }
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("paying for the round's seats failed", e);
    } finally {
      payers.shutdownNow();
    }
    return sagas;
  }

  /** Polls every saga until it is final; each must be paid, confirmed and debited once. */
  private static void awaitSucceeded(ServiceProcess api, List<Saga> sagas) {
    long end = System.nanoTime() + SAGA_DEADLINE.toNanos();
    Map<String, JsonNode> last = new HashMap<>();
    for (Saga saga : sagas) {
      JsonNode view = api.get("/api/payments/" + saga.paymentTxId()).body();
      while (!view.path("final").asBoolean()) {
        assertThat(System.nanoTime())
            .as("saga %s not final within %s; last answers: %s", saga.paymentTxId(), SAGA_DEADLINE, last)
            .isLessThan(end);
        sleep(Duration.ofMillis(250));
        view = api.get("/api/payments/" + saga.paymentTxId()).body();
        last.put(saga.paymentTxId(), view);
      }
      assertThat(view.path("status").asString()).as("saga %s", view).isEqualTo("SUCCESS");
      assertThat(view.path("reservationStatus").asString()).as("saga %s", view).isEqualTo("CONFIRMED");
      assertThat(balance(api, saga.userId()))
          .as("balance of user %d after paying %d", saga.userId(), saga.amount())
          .isEqualTo(saga.balanceBefore() - saga.amount());
    }
  }

  /**
   * Counts the saga's workflow tasks (its steps run inside them, as local activities) by the
   * process that ran them: a worker's identity is {@code <pid>@<host>}, and every task must come
   * from one of the two instances.
   */
  private static void tallyWorkflowTasks(
      WorkflowClient temporal, String paymentTxId, Map<Long, Integer> tasksByPid, ServiceProcess... instances) {
    List<Long> pids = Arrays.stream(instances).map(ServiceProcess::pid).toList();
    for (HistoryEvent event : temporal.fetchHistory(paymentTxId).getEvents()) {
      String identity;
      if (event.hasActivityTaskStartedEventAttributes()) {
        identity = event.getActivityTaskStartedEventAttributes().getIdentity();
      } else if (event.hasWorkflowTaskStartedEventAttributes()) {
        identity = event.getWorkflowTaskStartedEventAttributes().getIdentity();
      } else {
        continue;
      }
      long pid = pidOf(identity);
      assertThat(pids)
          .as("%s of saga %s ran on %s, not on one of %s", event.getEventType(), paymentTxId, identity, pids)
          .contains(pid);
      if (event.hasWorkflowTaskStartedEventAttributes()) {
        tasksByPid.merge(pid, 1, Integer::sum);
      }
    }
  }

  private static long balance(ServiceProcess api, long userId) {
    Response answer = api.get("/api/users/" + userId + "/points");
    assertThat(answer.status()).as("points of user %d: %s", userId, answer).isEqualTo(200);
    return answer.body().path("balance").asLong();
  }

  private static long pidOf(String identity) {
    int at = identity.indexOf('@');
    assertThat(at).as("worker identity '%s' is not <pid>@<host>", identity).isPositive();
    return Long.parseLong(identity.substring(0, at));
  }

  private static void assertFailsToStartWith(ServiceProcess instance, String reason) {
    int exitCode = instance.awaitExit(STARTUP_DEADLINE);
    String output = instance.output();
    assertThat(exitCode).as("exit code of %s\n%s", instance, instance.tail(40)).isNotZero();
    assertThat(output)
        .as("output of %s\n%s", instance, instance.tail(40))
        .contains(reason)
        .contains("APPLICATION FAILED TO START")
        .doesNotContain("\tat ");
  }

  private static ServiceProcess launch(String name, Map<String, String> environment) {
    ServiceProcess instance = ServiceProcess.start(name, ServiceProcess.freePort(), environment, ServiceProcess.MARIADB_ARGUMENTS);
    running.add(instance);
    return instance;
  }

  /** The external profile's variables, pointing at the engines of this JVM. */
  private static Map<String, String> externalEnvironment(String mode) {
    Map<String, String> environment = new HashMap<>();
    environment.put("SPRING_PROFILES_ACTIVE", "external");
    environment.put("TICKETING_MODE", mode);
    environment.put("MYSQL_URL", (String) engines.get("spring.datasource.url"));
    environment.put("MYSQL_USER", "root");
    environment.put("MYSQL_PASSWORD", "");
    environment.put("KAFKA_BOOTSTRAP_SERVERS", (String) engines.get("spring.kafka.bootstrap-servers"));
    environment.put("TEMPORAL_ADDRESS", temporalTarget());
    // The sagas pay with demo users 1-100, which the external profile loads only when asked.
    environment.put("TICKETING_DEMO_DATA", "true");
    // Health shows its components (db, kafka, temporal) to viewers only.
    environment.put("VIEWER_TOKEN", "scaled-out-viewer");
    return environment;
  }

  private static String temporalTarget() {
    return (String) engines.get("spring.temporal.connection.target");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
