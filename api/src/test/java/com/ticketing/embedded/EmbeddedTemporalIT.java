package com.ticketing.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.it.ApiClient;
import com.ticketing.it.ApiClient.Response;
import com.ticketing.it.ServiceProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The README's run command as a newcomer meets it: the packaged jar in its embedded default, which
 * runs the real Temporal server (the CLI's dev server) when the CLI is installed and Temporal's
 * test server when it is not. This is the one integration test that runs the fallback in CI, so
 * that it cannot rot; every other test runs on the dev server there.
 */
class EmbeddedTemporalIT {

  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(240);
  private static final Duration SAGA_DEADLINE = Duration.ofSeconds(60);

  @Test
  void withoutTheCliTheDefaultRunFallsBackToTheTestServerAndStillSettlesSagas() {
    int temporalPort = ServiceProcess.freePort();
    try (ServiceProcess service = launch("embedded-fallback", pathWithoutTheCli(), List.of(temporalPortArgument(temporalPort)))) {
      service.awaitHealthy(STARTUP_DEADLINE);

      assertThat(devServersOn(temporalPort)).as("dev servers on the service's Temporal port").isEmpty();
      assertThat(devServersOf(service)).as("dev servers the service started").isEmpty();
      assertThat(payOnce(service.api(), 1, 1)).isEqualTo("SUCCESS");
    }
  }

  @Test
  void aDevServerLeftOverFromAKilledRunIsStoppedAndReplacedNotDoubled() throws Exception {
    Optional<TemporalCli> cli = TemporalCli.locate(TemporalEngines.configuredCli());
    assumeThat(cli).as("the Temporal CLI (see the README)").isPresent();
    int temporalPort = ServiceProcess.freePort();
    List<String> arguments =
        List.of(
            temporalPortArgument(temporalPort),
            "--ticketing.embedded.temporal-ui-port=" + ServiceProcess.freePort(),
            "--ticketing.embedded.temporal-cli=" + cli.get().executable(),
            "--ticketing.embedded.temporal=dev-server");

    ServiceProcess killed = launch("embedded-killed", System.getenv("PATH"), arguments);
    ServiceProcess next = null;
    try {
      killed.awaitHealthy(STARTUP_DEADLINE);
      assertThat(payOnce(killed.api(), 2, 2)).isEqualTo("SUCCESS");
      ProcessHandle leftOver = single(devServersOf(killed), "the first run's dev server");
      killed.kill(); // SIGKILL: no shutdown hook stops its dev server
      assertThat(leftOver.isAlive()).as("the dev server outlives its SIGKILLed owner").isTrue();

      next = launch("embedded-next", System.getenv("PATH"), arguments);
      next.awaitHealthy(STARTUP_DEADLINE);

      assertThat(leftOver.isAlive()).as("the left-over dev server, PID " + leftOver.pid()).isFalse();
      ProcessHandle replacement = single(devServersOn(temporalPort), "dev servers on port " + temporalPort);
      assertThat(devServersOf(next)).containsExactly(replacement);
      assertThat(payOnce(next.api(), 3, 3)).isEqualTo("SUCCESS");

      ProcessHandle service = ProcessHandle.of(next.pid()).orElseThrow();
      service.destroy(); // SIGTERM, as Ctrl-C on spring-boot:run: the service stops its dev server
      service.onExit().get(STARTUP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
      assertThat(replacement.isAlive()).as("the dev server after its service stopped").isFalse();
    } finally {
      killed.close();
      if (next != null) {
        next.close();
      }
    }
  }

  private static ServiceProcess launch(String name, String path, List<String> extraArguments) {
    Map<String, String> environment = new HashMap<>();
    environment.put("PATH", path);
    List<String> arguments = new ArrayList<>(extraArguments);
    arguments.add("--ticketing.admin.operator-token=embedded-it-operator");
    arguments.add("--ticketing.reconciliation.enabled=false");
    return ServiceProcess.start(name, ServiceProcess.freePort(), environment, arguments);
  }

  private static String temporalPortArgument(int port) {
    return "--ticketing.embedded.temporal-port=" + port;
  }

  /** A demo user pays for a demo seat; returns the saga's final status. */
  private static String payOnce(ApiClient api, long userId, long seatId) {
    Response held = api.hold(userId, seatId);
    assertThat(held.status()).as("hold answer %s", held).isEqualTo(201);
    String paymentTxId = "embedded-" + UUID.randomUUID();
    Response started = api.pay(userId, held.body().path("reservationId").asLong(), paymentTxId);
    assertThat(started.status()).as("payment answer %s", started).isEqualTo(202);
    JsonNode done =
        await("payment " + paymentTxId + " to be final")
            .atMost(SAGA_DEADLINE)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> api.payment(paymentTxId).body(), view -> view.path("final").asBoolean());
    return done.path("status").asString();
  }

  /** This PATH less every directory that has a {@code temporal} executable. */
  private static String pathWithoutTheCli() {
    return Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
        .filter(dir -> !Files.isExecutable(Path.of(dir, "temporal")))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static List<ProcessHandle> devServersOf(ServiceProcess service) {
    return ProcessHandle.of(service.pid()).stream()
        .flatMap(ProcessHandle::descendants)
        .filter(EmbeddedTemporalIT::isDevServer)
        .toList();
  }

  private static List<ProcessHandle> devServersOn(int port) {
    return ProcessHandle.allProcesses()
        .filter(EmbeddedTemporalIT::isDevServer)
        .filter(p -> p.info().commandLine().orElse("").contains("--port " + port + " "))
        .toList();
  }

  private static boolean isDevServer(ProcessHandle process) {
    return process.isAlive() && process.info().commandLine().map(line -> line.contains("server start-dev")).orElse(false);
  }

  private static ProcessHandle single(List<ProcessHandle> processes, String what) {
    assertThat(processes).as(what).hasSize(1);
    return processes.get(0);
  }
}
