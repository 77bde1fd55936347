package com.ticketing.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.ticketing.embedded.ListeningSockets.Listener;
import com.ticketing.it.IntegrationTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The embedded engines are reachable from this machine only: of everything this JVM, its MariaDB
 * process and its Temporal dev server (where the CLI runs it: its frontend, Web UI, HTTP API and
 * metrics ports) listen on, only the service's HTTP port is open beyond the loopback address.
 */
class EngineBindsIntegrationTest extends IntegrationTest {

  @LocalServerPort private int httpPort;
  @Autowired private Environment environment;

  @Test
  void onlyTheHttpPortListensBeyondLoopback() {
    assumeThat(Files.isReadable(Path.of("/proc/net/tcp"))).as("Linux /proc").isTrue();
    List<ProcessHandle> service = new ArrayList<>();
    service.add(ProcessHandle.current());
    List<ProcessHandle> mariaDb = descendantsNamed("mariadbd", "mysqld");
    service.addAll(mariaDb);
    List<ProcessHandle> temporalDevServer = descendantsNamed("temporal");
    service.addAll(temporalDevServer);

    List<Listener> listeners = ListeningSockets.of(service);

    assertThat(mariaDb).as("the embedded MariaDB process").isNotEmpty();
    if (EngineParts.embeddedTemporal().isRealServer()) {
      assertThat(temporalDevServer).as("the Temporal dev server process").hasSize(1);
    }
    assertThat(listeners.stream().filter(l -> !l.onLoopback()))
        .as("listening beyond loopback, of %s", listeners)
        .allMatch(l -> l.port() == httpPort);
    assertThat(listeners.stream().filter(Listener::onLoopback).map(Listener::port))
        .as("the engines listen, on loopback: %s", listeners)
        .contains(mariaDbPort(), kafkaPort(), temporalPort());
  }

  private static List<ProcessHandle> descendantsNamed(String... names) {
    return ProcessHandle.current().descendants()
        .filter(p -> p.info().command().map(c -> List.of(names).contains(Path.of(c).getFileName().toString())).orElse(false))
        .toList();
  }

  private int mariaDbPort() {
    return URI.create(environment.getRequiredProperty("spring.datasource.url").replaceFirst("^jdbc:", "")).getPort();
  }

  private int kafkaPort() {
    return portOf(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
  }

  private int temporalPort() {
    return portOf(environment.getRequiredProperty("spring.temporal.connection.target"));
  }

  private static int portOf(String hostAndPort) {
    return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
  }
}
