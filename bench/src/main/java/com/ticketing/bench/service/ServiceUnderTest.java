package com.ticketing.bench.service;

import com.ticketing.bench.BenchOptions;
import com.ticketing.bench.ExternalEngines;
import com.ticketing.embedded.FreePorts;
import com.ticketing.embedded.ServiceJvm;
import com.ticketing.embedded.TemporalEngines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The service the bench drives and the engines behind it: a jar the bench launched (embedded or
 * external profile), or a service that was already running. Closing it stops what the bench started.
 */
public final class ServiceUnderTest implements AutoCloseable {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration HEALTH_POLL = Duration.ofSeconds(1);
  /** The embedded engines' database, as EmbeddedEngines creates it. */
  private static final String EMBEDDED_DATABASE = "ticketing";

  private final ServiceApi api;
  private final EngineAddresses engines;
  private final String operatorToken;
  private final ServiceJvm process;
  private final String description;
  private final ServiceTemporal temporal;

  private ServiceUnderTest(
      ServiceApi api,
      EngineAddresses engines,
      String operatorToken,
      ServiceJvm process,
      String description,
      ServiceTemporal temporal) {
    this.api = api;
    this.engines = engines;
    this.operatorToken = operatorToken;
    this.process = process;
    this.description = description;
    this.temporal = temporal;
  }

  /** Launches (or attaches to) the service the options name, and returns once it is healthy. */
  public static ServiceUnderTest start(BenchOptions options) {
    return switch (options.service()) {
      case EMBEDDED -> launchEmbedded(options);
      case EXTERNAL -> launchExternal(options);
      case ATTACHED -> attach(options);
    };
  }

  private static ServiceUnderTest launchEmbedded(BenchOptions options) {
    int[] ports = FreePorts.take(4);
    int http = ports[0];
    int mariaDb = ports[1];
    int kafka = ports[2];
    int temporal = ports[3];
    String token = "bench-" + UUID.randomUUID();
    List<String> arguments = commonArguments(options, http, token);
    arguments.add("--ticketing.embedded.mariadb-port=" + mariaDb);
    arguments.add("--ticketing.embedded.kafka-port=" + kafka);
    arguments.add("--ticketing.embedded.temporal-port=" + temporal);
    arguments.add("--ticketing.embedded.temporal=" + options.temporal().label());
    // The launched jar does not inherit TEMPORAL_CLI (no TEMPORAL_* variable leaks into it).
    String cli = TemporalEngines.configuredCli();
    if (cli != null && !cli.isBlank()) {
      arguments.add("--ticketing.embedded.temporal-cli=" + cli);
    }
    arguments.addAll(options.serviceArgs());
    EngineAddresses engines =
        new EngineAddresses(
            "127.0.0.1:" + temporal,
            "jdbc:mysql://127.0.0.1:" + mariaDb + "/" + EMBEDDED_DATABASE
                + "?connectionTimeZone=UTC&allowPublicKeyRetrieval=true&useSSL=false",
            "root",
            "",
            true,
            "127.0.0.1:" + kafka);
    return launch(
        options, arguments, Map.of(), engines, token, http, "embedded", ServiceTemporal.embedded(options.temporal()));
  }

  private static ServiceUnderTest launchExternal(BenchOptions options) {
    int http = FreePorts.take();
    String token = "bench-" + UUID.randomUUID();
    List<String> arguments = commonArguments(options, http, token);
    arguments.addAll(options.serviceArgs());
    ExternalEngines external = options.externalEngines();
    Map<String, String> environment = new HashMap<>(external.asEnvironment());
    environment.put("SPRING_PROFILES_ACTIVE", "external");
    environment.put("OPERATOR_TOKEN", token);
    EngineAddresses engines = addressesOf(external);
    return launch(
        options, arguments, environment, engines, token, http, "external profile",
        ServiceTemporal.external(external.temporalAddress()));
  }

  private static ServiceUnderTest attach(BenchOptions options) {
    ServiceApi api = new ServiceApi(options.serviceUrl(), REQUEST_TIMEOUT);
    ServiceApi.Answer health = api.get("/actuator/health");
    if (health.status() != 200) {
      throw new IllegalStateException(
          "the service at " + options.serviceUrl() + " is not healthy: " + health.status() + " " + health.detail());
    }
    ExternalEngines external = options.externalEngines();
    EngineAddresses engines =
        external != null
            ? new EngineAddresses(options.temporalAddress(), external.mysqlUrl(), external.mysqlUser(),
                external.mysqlPassword(), false, external.kafkaBootstrapServers())
            : new EngineAddresses(options.temporalAddress(), null, null, null, false, null);
    return new ServiceUnderTest(
        api, engines, options.operatorToken(), null, "attached to " + options.serviceUrl(),
        ServiceTemporal.external(options.temporalAddress()));
  }

  private static EngineAddresses addressesOf(ExternalEngines external) {
    return new EngineAddresses(
        external.temporalAddress(),
        external.mysqlUrl(),
        external.mysqlUser(),
        external.mysqlPassword(),
        false,
        external.kafkaBootstrapServers());
  }

  /** Port, operator token, a catalogue sized for the run, and no reconciliation runs mid-measurement. */
  private static List<String> commonArguments(BenchOptions options, int http, String token) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--server.port=" + http);
    arguments.add("--ticketing.admin.operator-token=" + token);
    arguments.add("--ticketing.demo-data.enabled=true");
    arguments.add("--ticketing.demo-data.users=" + options.demoUsers());
    arguments.add("--ticketing.demo-data.seats=" + options.demoSeats());
    arguments.add("--ticketing.demo-data.points-per-user=" + options.pointsPerUser());
    arguments.add("--ticketing.reconciliation.enabled=false");
    return arguments;
  }

  private static ServiceUnderTest launch(
      BenchOptions options,
      List<String> arguments,
      Map<String, String> environment,
      EngineAddresses engines,
      String token,
      int http,
      String mode,
      ServiceTemporal temporal) {
    try {
      Files.createDirectories(options.logDir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path jar = options.serviceJar() != null ? options.serviceJar() : packagedJar();
    Path log = options.logDir().resolve("bench-service.log");
    List<String> jvmOptions =
        List.of(
            "-Xmx" + options.serviceHeap(),
            "-XX:+ExitOnOutOfMemoryError"); // a starved service should fail the run, not limp through it
    ServiceJvm process = ServiceJvm.start(log, jar, jvmOptions, arguments, environment);
    ServiceApi api = new ServiceApi("http://127.0.0.1:" + http, REQUEST_TIMEOUT);
    ServiceUnderTest service =
        new ServiceUnderTest(
            api, engines, token, process,
            "launched " + jar.getFileName() + " (" + mode + ", -Xmx" + options.serviceHeap() + "), log " + log,
            temporal);
    try {
      service.awaitHealthy(options.startupTimeout());
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
    return service;
  }

  private void awaitHealthy(Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the service exited with " + process.exitValue() + " before it was healthy\n" + process.tail(40));
      }
      try {
        ServiceApi.Answer health = api.get("/actuator/health");
        if (health.status() == 200 && "UP".equals(health.body().path("status").asString(null))) {
          return;
        }
        last = health.status() + " " + health.text();
      } catch (UncheckedIOException notListeningYet) {
        last = notListeningYet.getMessage();
      }
      sleep(HEALTH_POLL);
    }
    throw new IllegalStateException(
        "the service was not healthy within " + timeout + "; last answer: " + last + "\n" + process.tail(40));
  }

  /** The Spring Boot jar that `package` built (not the plain .original). */
  static Path packagedJar() {
    Path target = Path.of("api", "target");
    try (Stream<Path> files = Files.list(target)) {
      List<Path> jars =
          files.filter(p -> p.getFileName().toString().matches("api-.*\\.jar")).toList();
      if (jars.size() != 1) {
        throw new IllegalStateException(
            "expected one api/target/api-*.jar (bench/run packages it; or pass --service-jar), found " + jars);
      }
      return jars.get(0);
    } catch (IOException e) {
      throw new IllegalStateException(
          "no api/target/ here (" + Path.of("").toAbsolutePath() + "): run from the repository root, or pass --service-jar", e);
    }
  }

  public ServiceApi api() {
    return api;
  }

  public EngineAddresses engines() {
    return engines;
  }

  public String operatorToken() {
    return operatorToken;
  }

  public String description() {
    return description;
  }

  /**
   * Which Temporal the service runs on: "Temporal dev server (temporal version …)", "Temporal test
   * server (in-process)" or "external Temporal at host:port".
   */
  public String temporal() {
    return temporal.description();
  }

  /** The service runs Temporal's test server inside its JVM: its CPU time is the service's. */
  public boolean temporalInServiceJvm() {
    return temporal.inServiceJvm();
  }

  public Optional<ProcessHandle> serviceProcess() {
    return Optional.ofNullable(process).map(ServiceJvm::handle);
  }

  /** The embedded mariadbd, a child of the service JVM; empty for real engines. */
  public Optional<ProcessHandle> mariaDbProcess() {
    return Optional.ofNullable(process).flatMap(p -> p.descendant("mariadbd"));
  }

  /**
   * The embedded Temporal dev server ({@code temporal server start-dev}), a child of the service
   * JVM; empty when the service runs Temporal's test server (inside its JVM) or real engines.
   */
  public Optional<ProcessHandle> temporalProcess() {
    return Optional.ofNullable(process)
        .flatMap(
            p ->
                p.handle()
                    .descendants()
                    .filter(child -> child.info().command().map(c -> c.endsWith("temporal")).orElse(false))
                    .findFirst());
  }

  public boolean launched() {
    return process != null;
  }

  @Override
  public void close() {
    if (process != null) {
      process.close();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
