package com.ticketing.bench.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code java -jar api-*.jar}) in a JVM of its own, configured by program
 * arguments and environment variables only, its output in a log file. Closing it ends the JVM and
 * every process it started (the embedded mariadbd), even when it does not stop by itself.
 */
final class ServiceProcess implements AutoCloseable {

  /** Variables of the bench's own environment that would otherwise configure the service. */
  private static final List<String> NOT_INHERITED =
      List.of("SPRING_", "MYSQL_", "KAFKA_", "TEMPORAL_", "TICKETING_", "OPERATOR_TOKEN", "PORT", "JAVA_TOOL_OPTIONS");

  private final Process process;
  private final Path log;

  private ServiceProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static ServiceProcess launch(Path jar, String heap, List<String> arguments, Map<String, String> environment, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-XX:+ExitOnOutOfMemoryError"); // a starved service should fail the run, not limp through it
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(key -> NOT_INHERITED.stream().anyMatch(key::startsWith));
    builder.environment().putAll(environment);
    try {
      return new ServiceProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitValue() {
    return process.exitValue();
  }

  /** A process this one started whose command contains the given text, e.g. the embedded mariadbd. */
  Optional<ProcessHandle> descendant(String commandContains) {
    return process
        .descendants()
        .filter(child -> child.info().command().map(c -> c.contains(commandContains)).orElse(false))
        .findFirst();
  }

  /** The last lines of the log, headed by where the whole of it is. */
  String tail(int lines) {
    try {
      List<String> all = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
      return "---- last lines of " + log.toAbsolutePath() + " ----\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(could not read " + log + ": " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy(); // SIGTERM: Spring and the embedded engines shut down in order
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    // Without a clean shutdown nobody stops mariadbd; it must not outlive the run.
    for (ProcessHandle child : children) {
      if (child.isAlive()) {
        child.destroyForcibly();
        child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).join();
      }
    }
  }
}
