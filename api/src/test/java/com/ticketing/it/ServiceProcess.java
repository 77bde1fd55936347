package com.ticketing.it;

import com.ticketing.embedded.FreePorts;
import com.ticketing.embedded.ServiceJvm;
import com.ticketing.it.ApiClient.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * One instance of the packaged service ({@code java -jar api-*.jar}) in its own JVM, configured
 * only through environment variables and program arguments, the way a deployment runs it: a
 * {@link ServiceJvm} with the tests' JVM options, a REST client and a health wait.
 */
public final class ServiceProcess implements AutoCloseable {

  /** Needed only because the test engine is MariaDB, not MySQL 8 (see EmbeddedEngines). */
  public static final List<String> MARIADB_ARGUMENTS =
      List.of(
          "--spring.jpa.database-platform=org.hibernate.dialect.MariaDBDialect",
          "--spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false");

  /**
   * Three JVMs share two cores in some tests; the C1-only JIT and a bounded heap keep the
   * instances' start-up from starving each other. The service itself is unchanged.
   */
  private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

  private final String name;
  private final int port;
  private final ServiceJvm jvm;
  private final ApiClient api;
  /** Health shows its components only to a viewer (or operator); null: the status alone. */
  private final String viewerToken;

  private ServiceProcess(String name, int port, ServiceJvm jvm, String viewerToken) {
    this.name = name;
    this.port = port;
    this.api = new ApiClient(port);
    this.jvm = jvm;
    this.viewerToken = viewerToken;
  }

  /**
   * Starts the jar with exactly these variables (plus PATH, HOME and the like) and arguments;
   * PORT is set to the given port unless it is 0. Output goes to {@code target/<name>.log}.
   */
  public static ServiceProcess start(String name, int port, Map<String, String> environment, List<String> arguments) {
    Map<String, String> variables = new HashMap<>(environment);
    if (port > 0) {
      variables.put("PORT", Integer.toString(port));
    }
    ServiceJvm jvm = ServiceJvm.start(Path.of("target", name + ".log"), packagedJar(), JVM_OPTIONS, arguments, variables);
    return new ServiceProcess(name, port, jvm, environment.get("VIEWER_TOKEN"));
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

  /** A port free now and not handed out before in this JVM (see {@link FreePorts#take()}). */
  public static int freePort() {
    return FreePorts.take();
  }

  public String name() {
    return name;
  }

  public long pid() {
    return jvm.pid();
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
      if (!jvm.isAlive()) {
        throw new AssertionError(
            name + " exited with " + jvm.exitValue() + " before it was healthy\n" + tail(60));
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
    return jvm.awaitExit(deadline)
        .orElseThrow(() -> new AssertionError(name + " was still running after " + deadline + "\n" + tail(60)));
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
    return jvm.isAlive();
  }

  /** SIGKILL, as a crashed machine or an OOM killer would end it: no shutdown hooks run. */
  public void kill() {
    jvm.kill();
  }

  /** Everything the process printed so far. */
  public String output() {
    return jvm.output();
  }

  /** The last lines of the output, headed by where the whole of it is. */
  public String tail(int lines) {
    return jvm.tail(lines);
  }

  /** SIGTERM, SIGKILL if need be, and then the processes the instance started (see {@link ServiceJvm#close()}). */
  @Override
  public void close() {
    jvm.close();
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
