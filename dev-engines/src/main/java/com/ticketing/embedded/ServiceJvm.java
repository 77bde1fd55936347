package com.ticketing.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service jar ({@code java -jar api-*.jar}) in a JVM of its own, configured only by
 * program arguments and environment variables, the way a deployment runs it; its output goes to a
 * log file. Closing it ends the JVM and every process it started (the embedded mariadbd, the
 * Temporal dev server), even when it does not stop by itself.
 */
public final class ServiceJvm implements AutoCloseable {

  /** Variables of the launcher's own environment that would otherwise configure the service. */
  private static final List<String> NOT_INHERITED =
      List.of("SPRING_", "MYSQL_", "KAFKA_", "TEMPORAL_", "TICKETING_", "OPERATOR_TOKEN", "PORT", "JAVA_TOOL_OPTIONS");

  /** Spring and the embedded engines shut down in order; a busy 2-core machine can take a while. */
  private static final Duration STOP_WITHIN = Duration.ofSeconds(60);
  private static final Duration KILL_WITHIN = Duration.ofSeconds(10);

  private final String name;
  private final Path log;
  private final Process process;
  private final Thread shutdownHook;
  /**
   * Every descendant seen so far: once the JVM is gone its children are re-parented and no longer
   * show up in {@link Process#descendants()}, yet must still be stopped.
   */
  private final Set<ProcessHandle> descendantsSeen = new LinkedHashSet<>();

  private ServiceJvm(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
    this.shutdownHook = new Thread(this::killAll, "stop-" + name);
  }

  /**
   * Starts {@code java <jvmOptions> -jar <jar> <arguments>} with the given environment on top of
   * this JVM's, less the variables that would configure the service behind the caller's back.
   * Output (stdout and stderr) goes to {@code log}, replacing what was there; the log's file name
   * without {@code .log} names the instance.
   */
  public static ServiceJvm start(
      Path log, Path jar, List<String> jvmOptions, List<String> arguments, Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(arguments);
    try {
      if (log.toAbsolutePath().getParent() != null) {
        Files.createDirectories(log.toAbsolutePath().getParent());
      }
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().keySet().removeIf(key -> NOT_INHERITED.stream().anyMatch(key::startsWith));
      builder.environment().putAll(environment);
      String name = log.getFileName().toString().replaceFirst("\\.log$", "");
      ServiceJvm jvm = new ServiceJvm(name, log, builder.start());
      // Should the launching JVM end early (a failure, Ctrl-C), the instance must not outlive it.
      Runtime.getRuntime().addShutdownHook(jvm.shutdownHook);
      return jvm;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  public long pid() {
    return process.pid();
  }

  public ProcessHandle handle() {
    return process.toHandle();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code; throws {@link IllegalThreadStateException} while the JVM runs. */
  public int exitValue() {
    return process.exitValue();
  }

  /** A live process this JVM started whose command contains the given text, e.g. {@code mariadbd}. */
  public Optional<ProcessHandle> descendant(String commandContains) {
    return descendants().stream()
        .filter(ProcessHandle::isAlive)
        .filter(child -> child.info().command().map(c -> c.contains(commandContains)).orElse(false))
        .findFirst();
  }

  /** Waits for the JVM to end by itself: its exit code, or empty when it still runs at the deadline. */
  public OptionalInt awaitExit(Duration deadline) {
    try {
      return process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)
          ? OptionalInt.of(process.exitValue())
          : OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + this, e);
    }
  }

  /** Everything the JVM printed so far. */
  public String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException | UncheckedIOException e) {
      return "(could not read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** The last lines of the output, headed by where the whole of it is. */
  public String tail(int lines) {
    List<String> all = output().lines().toList();
    return "---- last " + Math.min(lines, all.size()) + " lines of " + log.toAbsolutePath() + " ----\n"
        + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /**
   * SIGKILL of the JVM alone, as a crashed machine or an OOM killer would end it: no shutdown
   * hooks run. Processes it started live on until {@link #close()}.
   */
  public void kill() {
    descendants();
    killJvm();
  }

  /**
   * SIGTERM, so that Spring and the embedded engines stop in order; SIGKILL when the JVM is still
   * there after a minute; then SIGKILL of every process it started that is still alive: without a
   * clean shutdown nobody stops mariadbd or the Temporal dev server.
   */
  @Override
  public void close() {
    descendants();
    process.destroy();
    try {
      if (!process.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
        killJvm();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle child : descendants()) {
      if (child.isAlive()) {
        child.destroyForcibly();
        child.onExit().completeOnTimeout(child, KILL_WITHIN.toMillis(), TimeUnit.MILLISECONDS).join();
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs (or ran) anyway
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + pid() + ")";
  }

  /** The live descendants now, together with those seen before (which may have ended since). */
  private synchronized List<ProcessHandle> descendants() {
    process.descendants().forEach(descendantsSeen::add);
    return List.copyOf(descendantsSeen);
  }

  private void killAll() {
    List<ProcessHandle> children = descendants();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private void killJvm() {
    try {
      process.destroyForcibly().waitFor(KILL_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
