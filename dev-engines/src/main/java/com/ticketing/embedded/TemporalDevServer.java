package com.ticketing.embedded;

import com.ticketing.saga.SagaSearchAttributes;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The real Temporal server on this machine: {@code temporal server start-dev} as a child process,
 * bound to 127.0.0.1, with the saga's search attributes registered and its SQLite store in a file
 * of the caller's directory, so that the store lives and dies with the engines beside it and
 * survives {@link #stop()} and {@link #start()} (a Temporal outage in the fault suite).
 *
 * <p>A dev server whose owner was killed (no shutdown hook ran) is stopped by the next start, found
 * by the PID it recorded (see {@link DevServerPidFiles}): never a second one beside it.
 */
public final class TemporalDevServer implements TemporalEngine {

  /** The dev server answers within a second when the machine is quiet; a busy 2-core box is slower. */
  private static final Duration READY_WITHIN = Duration.ofSeconds(90);
  private static final Duration STOP_WITHIN = Duration.ofSeconds(15);

  private final TemporalCli cli;
  private final String version;
  private final int port;
  private final int uiPort;
  private final Path store;
  private final Path logFile;
  private Process process;

  private TemporalDevServer(TemporalCli cli, int port, int uiPort, Path directory) {
    this.cli = cli;
    this.version = cli.version();
    this.port = port;
    this.uiPort = uiPort;
    this.store = directory.resolve("temporal-dev-server.db");
    this.logFile = directory.resolve("temporal-dev-server.log");
  }

  /**
   * Starts a dev server with a fresh store in {@code directory} on the requested ports, or on free
   * ones when a requested port is 0 or taken, and returns once it serves the saga's namespace
   * with its search attributes.
   */
  public static TemporalDevServer start(TemporalCli cli, int requestedPort, int requestedUiPort, Path directory) {
    DevServerPidFiles.stopOrphans();
    int port = Loopback.portOrFree(requestedPort, "Temporal frontend");
    int uiPort = Loopback.portOrFree(requestedUiPort, "Temporal Web UI");
    try {
      Files.createDirectories(directory);
      Files.deleteIfExists(directory.resolve("temporal-dev-server.db"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare " + directory + " for the Temporal dev server", e);
    }
    TemporalDevServer server = new TemporalDevServer(cli, port, uiPort, directory.toAbsolutePath());
    server.start();
    return server;
  }

  /** Starts the server (again, after {@link #stop()}) on the same ports and store. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of(cli.executable().toString(), "server", "start-dev"));
    command.addAll(List.of("--ip", Loopback.HOST, "--port", Integer.toString(port)));
    command.addAll(List.of("--ui-port", Integer.toString(uiPort), "--ui-disable-news-fetch"));
    command.addAll(List.of("--db-filename", store.toString(), "--log-level", "warn"));
    command.addAll(searchAttributeFlags(SagaSearchAttributes.definitions()));
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + cli + " server start-dev", e);
    }
    DevServerPidFiles.record(process.pid());
    try {
      awaitReady();
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** {@code --search-attribute Name=Type} for each attribute, in the CLI's spelling of the type. */
  public static List<String> searchAttributeFlags(Map<String, IndexedValueType> definitions) {
    List<String> flags = new ArrayList<>();
    definitions.forEach((name, type) -> flags.addAll(List.of("--search-attribute", name + "=" + cliTypeName(type))));
    return flags;
  }

  /** INDEXED_VALUE_TYPE_KEYWORD_LIST -> KeywordList, as the CLI spells a search attribute's type. */
  public static String cliTypeName(IndexedValueType type) {
    return Arrays.stream(type.name().replaceFirst("^INDEXED_VALUE_TYPE_", "").split("_"))
        .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining());
  }

  private void awaitReady() {
    long end = System.nanoTime() + READY_WITHIN.toNanos();
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target()).build());
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder().setChannel(stubs.getRawChannel()).validateAndBuildWithDefaults());
    String last = "no answer yet";
    try {
      while (System.nanoTime() < end) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the Temporal dev server exited with " + process.exitValue() + " before it was ready; see " + logFile);
        }
        try {
          if (stubs.healthCheck().getStatus() == ServingStatus.SERVING
              && operator
                  .blockingStub()
                  .withDeadlineAfter(5, TimeUnit.SECONDS)
                  .listSearchAttributes(ListSearchAttributesRequest.newBuilder().setNamespace("default").build())
                  .getCustomAttributesMap()
                  .keySet()
                  .containsAll(SagaSearchAttributes.definitions().keySet())) {
            return;
          }
          last = "serving, search attributes not registered yet";
        } catch (RuntimeException notYet) {
          last = notYet.getMessage();
        }
        Loopback.pause(Duration.ofMillis(200));
      }
    } finally {
      operator.shutdownNow();
      stubs.shutdownNow();
    }
    throw new IllegalStateException(
        "the Temporal dev server on " + target() + " was not ready within " + READY_WITHIN + " (" + last + "); see "
            + logFile);
  }

  /**
   * Stops the server (SIGTERM, then SIGKILL after 15 s); its store stays for {@link #start()}.
   * Clients get UNAVAILABLE until then.
   */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    DevServerPidFiles.forget(process.pid());
    process = null;
  }

  /** SIGKILL, as a crash would end it: the store keeps what SQLite had written. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    try {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    DevServerPidFiles.forget(process.pid());
    process = null;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The process, for CPU accounting; empty while stopped. */
  public synchronized Optional<ProcessHandle> processHandle() {
    return Optional.ofNullable(process).map(Process::toHandle);
  }

  @Override
  public String target() {
    return Loopback.HOST + ":" + port;
  }

  @Override
  public Optional<String> webUi() {
    return Optional.of("http://" + Loopback.HOST + ":" + uiPort);
  }

  @Override
  public boolean isRealServer() {
    return true;
  }

  /** What {@code temporal --version} said, e.g. {@code temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)}. */
  public String version() {
    return version;
  }

  @Override
  public String description() {
    return "Temporal dev server (" + version + ") on " + target() + ", Web UI " + webUi().orElseThrow() + ", log "
        + logFile;
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return description();
  }
}
