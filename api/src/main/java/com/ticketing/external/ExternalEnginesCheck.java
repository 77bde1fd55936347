package com.ticketing.external;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With external engines ({@code ticketing.embedded.enabled=false}), checks before any bean is
 * made that MySQL, Kafka and Temporal are configured and accept a TCP connection, so that a
 * missing or unreachable engine fails start-up with one line naming it, instead of a wall of
 * stack traces from the first bean that needs it (or a silent hang in a client's retry loop).
 * {@code ticketing.external.check-on-start=false} skips it.
 */
public class ExternalEnginesCheck implements EnvironmentPostProcessor, Ordered {

  private static final Logger log = LoggerFactory.getLogger(ExternalEnginesCheck.class);
  private static final int CONNECT_TIMEOUT_MS = 3000;

  private record Engine(String name, String property, String variable, int defaultPort) {}

  private static final Engine MYSQL = new Engine("MySQL", "spring.datasource.url", "MYSQL_URL", 3306);
  private static final Engine KAFKA = new Engine("Kafka", "spring.kafka.bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS", 9092);
  private static final Engine TEMPORAL = new Engine("Temporal", "spring.temporal.connection.target", "TEMPORAL_ADDRESS", 7233);

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getProperty("ticketing.embedded.enabled", Boolean.class, false)
        || !environment.getProperty("ticketing.external.check-on-start", Boolean.class, true)) {
      return;
    }
    String jdbcUrl = setting(environment, MYSQL);
    requireReachable(MYSQL, List.of(URI.create(jdbcUrl.replaceFirst("^jdbc:", "")).getAuthority()));
    requireReachable(KAFKA, Arrays.asList(setting(environment, KAFKA).split("\\s*,\\s*")));
    requireReachable(TEMPORAL, List.of(setting(environment, TEMPORAL)));
    log.info("external engines reachable: MySQL, Kafka, Temporal");
  }

  private static String setting(ConfigurableEnvironment environment, Engine engine) {
    String value;
    try {
      value = environment.getProperty(engine.property());
    } catch (IllegalArgumentException unresolved) {
      value = null;
    }
    if (value == null || value.isBlank()) {
      throw new EngineUnreachableException(
          engine.name() + " is not configured: set " + engine.variable() + " (" + engine.property() + ")",
          "Set " + engine.variable() + ", then start the service again.");
    }
    return value.trim();
  }

  /** One reachable address is enough (a Kafka client finds the rest of the cluster itself). */
  private static void requireReachable(Engine engine, List<String> addresses) {
    IOException last = null;
    for (String address : addresses) {
      try (Socket socket = new Socket()) {
        socket.connect(toSocketAddress(address, engine.defaultPort()), CONNECT_TIMEOUT_MS);
        return;
      } catch (IOException e) {
        last = e;
      }
    }
    throw new EngineUnreachableException(
        "Cannot reach " + engine.name() + " at " + String.join(",", addresses)
            + " (" + engine.variable() + "): " + (last == null ? "no address" : last.getMessage()),
        "Start " + engine.name() + " or correct " + engine.variable() + ", then start the service again.");
  }

  private static InetSocketAddress toSocketAddress(String address, int defaultPort) {
    String hostPort = address.replaceFirst("^[a-zA-Z]+://", "").replaceFirst("/.*$", "");
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0) {
      return new InetSocketAddress(hostPort, defaultPort);
    }
    return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }
}
