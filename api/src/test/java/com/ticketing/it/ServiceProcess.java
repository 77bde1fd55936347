package com.ticketing.it;

import com.ticketing.it.ApiClient.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * One instance of the packaged service ({@code java -jar api-*.jar}) in its own JVM, configured
 * only through environment variables and program arguments, the way a deployment runs it.
 */
public final class ServiceProcess implements AutoCloseable {

  /** Needed only because the test engine is MariaDB, not MySQL 8 (see EmbeddedEngines). */
  public static final List<String> MARIADB_ARGUMENTS =
      List.of(
          "--spring.jpa.database-platform=org.hibernate.dialect.MariaDBDialect",
          "--spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false");

  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

  /** Variables that would otherwise leak from the build's environment into the service's. */
  private static final List<String> INHERITED_PREFIXES =
      List.of("SPRING_", "MYSQL_", "KAFKA_", "TEMPORAL_", "TICKETING_", "OPERATOR_TOKEN", "PORT");

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;
  private final ApiClient api;
  /** Health shows its components only to a viewer (or operator); null: the status alone. */
  private final String viewerToken;

  private ServiceProcess(String name, int port, Path log, Process process, String viewerToken) {
    this.name = name;
    this.port = port;
    this.api = new ApiClient(port);
    this.log = log;
    this.process = process;
    this.viewerToken = viewerToken;
  }

  /**
   * Starts the jar with exactly these variables (plus PATH, HOME and the like) and arguments;
   * PORT is set to the given port unless it is 0. Output goes to {@code target/<name>.log}.
   */
  public static ServiceProcess start(String name, int port, Map<String, String> environment, List<String> arguments) {
    Path log = Path.of("target", name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Three JVMs share two cores in this test; the C1-only JIT and a bounded heap keep the
    // instances' start-up from starving each other. The service itself is unchanged.
    command.add("-Xmx512m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(packagedJar().toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(key -> INHERITED_PREFIXES.stream().anyMatch(key::startsWith));
    builder.environment().putAll(environment);
    if (port > 0) {
      builder.environment().put("PORT", Integer.toString(port));
    }
    try {
      Process process = builder.start();
      // Should the test JVM end early (a failure, Ctrl-C), the instance must not outlive it.
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + name));
      return new ServiceProcess(name, port, log, process, environment.get("VIEWER_TOKEN"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
  }

  /**
   * The Spring Boot jar the {@code package} phase built (not the plain {@code .original}): in
   * {@code target}, or where failsafe says ({@code target/production} for {@code -Pproduction}).
   */
  public static Path packagedJar() {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("ticketing.packaged-jar-dir", "target")))) {
      List<Path> jars =
          files
              .filter(p -> p.getFileName().toString().matches("api-.*\\.jar"))
              .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
              .toList();
      if (jars.size() != 1) {
        throw new IllegalStateException(
            "expected one packaged jar target/api-*.jar (run `mvn verify`, which packages first), found " + jars);
      }
      return jars.get(0).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("no target/ folder: run `mvn verify`, which packages first", e);
    }
  }

  /**
   * A port free now and not handed out before in this JVM: the kernel may offer a port it just
   * offered again, and two instances started on one port leave the test talking to the wrong one.
   */
  public static int freePort() {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        if (HANDED_OUT_PORTS.add(port)) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final Set<Integer> HANDED_OUT_PORTS = ConcurrentHashMap.newKeySet();

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  /**
   * Polls {@code /actuator/health} (as a viewer when the instance has VIEWER_TOKEN, so that the
   * answer has its components) until it says UP and returns that answer; fails with the
   * log's tail when the process exits or the deadline passes first.
   */
  public JsonNode awaitHealthy(Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    Response last = null;
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new AssertionError(
            name + " exited with " + process.exitValue() + " before it was healthy\n" + tail(60));
      }
      try {
        last =
            viewerToken == null
                ? get("/actuator/health")
                : api.send("GET", "/actuator/health", "X-Operator-Token", viewerToken);
        if (last.status() == 200 && "UP".equals(last.body().path("status").asString())) {
          return last.body();
        }
      } catch (UncheckedIOException notListeningYet) {
        // the web server is not up yet
      }
      pause();
    }
    throw new AssertionError(
        name + " was not healthy within " + deadline + "; last health answer: " + last + "\n" + tail(60));
  }

  /** Waits for the process to end by itself and returns its exit code. */
  public int awaitExit(Duration deadline) {
    try {
      if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(name + " was still running after " + deadline + "\n" + tail(60));
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response get(String path) {
    return api.get(path);
  }

  public Response post(String path, Map<String, ?> fields) {
    return api.post(path, fields);
  }

  /** A client of this instance's REST API. */
  public ApiClient api() {
    return api;
  }

  public int port() {
    return port;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, as a crashed machine or an OOM killer would end it: no shutdown hooks run. */
  public void kill() {
    try {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Everything the process printed so far. */
  public String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(could not read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** The last lines of the output, headed by where the whole of it is. */
  public String tail(int lines) {
    List<String> all = output().lines().toList();
    return "---- last " + Math.min(lines, all.size()) + " lines of " + log.toAbsolutePath() + " ----\n"
        + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + pid() + ", port " + port + ")";
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
