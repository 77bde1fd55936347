package com.ticketing.bench;

import com.ticketing.embedded.TemporalCli;
import com.ticketing.embedded.TemporalEngines;
import java.util.Locale;
import java.util.Optional;

/** The Temporal server a launched embedded service runs (its {@code ticketing.embedded.temporal}). */
public enum TemporalServer {
  /** The Temporal CLI's dev server, {@code temporal server start-dev}: a process of its own under the service JVM. */
  DEV_SERVER,
  /** Temporal's Java test server, inside the service JVM. */
  TEST_SERVER;

  static TemporalServer parse(String text) {
    for (TemporalServer server : values()) {
      if (server.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return server;
      }
    }
    throw new IllegalArgumentException("--temporal must be dev-server or test-server, not '" + text + "'");
  }

  /**
   * The Temporal CLI the launched service will find: the lookup its {@link TemporalEngines} makes,
   * with the CLI path this JVM is told (which the bench passes on to the service).
   */
  public static Optional<TemporalCli> locateCli() {
    try {
      return TemporalCli.locate(TemporalEngines.configuredCli());
    } catch (IllegalStateException notExecutable) {
      throw new IllegalArgumentException(notExecutable.getMessage(), notExecutable);
    }
  }

  /** {@code dev-server} or {@code test-server}, as the option and the service's property spell it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
