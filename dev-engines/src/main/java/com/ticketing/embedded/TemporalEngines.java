package com.ticketing.embedded;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Starts the Temporal server of a run: the real one (the CLI's dev server) wherever the Temporal
 * CLI is installed, else the in-process test server. The embedded default, the integration tests,
 * the fault suite and the bench all start Temporal here.
 */
public final class TemporalEngines {

  /** {@code ticketing.embedded.temporal}: which server to run. */
  public enum Choice {
    /** The dev server when the CLI is found, else the test server (the default). */
    AUTO,
    /** The dev server; fails without the CLI. */
    DEV_SERVER,
    /** The in-process test server, even where the CLI is installed. */
    TEST_SERVER;

    /** {@code auto}, {@code dev-server} or {@code test-server}. */
    public static Choice parse(String value) {
      String text = value == null || value.isBlank() ? "auto" : value.trim();
      try {
        return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "ticketing.embedded.temporal must be auto, dev-server or test-server, not '" + value + "'", e);
      }
    }
  }

  /** The CLI's path as this JVM is told it: {@code -Dticketing.embedded.temporal-cli}, else {@code TEMPORAL_CLI}. */
  public static String configuredCli() {
    String property = System.getProperty("ticketing.embedded.temporal-cli");
    return property != null && !property.isBlank() ? property : System.getenv("TEMPORAL_CLI");
  }

  /** The choice as this JVM is told it: {@code -Dticketing.embedded.temporal}, else {@code auto}. */
  public static Choice configuredChoice() {
    return Choice.parse(System.getProperty("ticketing.embedded.temporal"));
  }

  private TemporalEngines() {}

  /**
   * Starts the chosen server on the requested ports (0 or taken: free ones), the dev server's store
   * in {@code directory}.
   */
  public static TemporalEngine start(Choice choice, String configuredCli, int port, int uiPort, Path directory) {
    if (choice == Choice.TEST_SERVER) {
      return LoopbackTemporalTestServer.start(port, "Chosen with ticketing.embedded.temporal=test-server.");
    }
    Optional<TemporalCli> cli = TemporalCli.locate(configuredCli);
    if (cli.isPresent()) {
      return TemporalDevServer.start(cli.get(), port, uiPort, directory);
    }
    if (choice == Choice.DEV_SERVER) {
      throw new IllegalStateException(
          "ticketing.embedded.temporal=dev-server, but no Temporal CLI was found: " + TemporalCli.HOW_TO_INSTALL);
    }
    return LoopbackTemporalTestServer.start(
        port, "No Temporal CLI found; for the real server and its Web UI: " + TemporalCli.HOW_TO_INSTALL);
  }
}
