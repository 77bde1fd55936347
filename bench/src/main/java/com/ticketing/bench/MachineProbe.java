package com.ticketing.bench;

import com.ticketing.bench.report.MachineFacts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads the facts of this machine that a benchmark figure depends on. */
final class MachineProbe {

  private MachineProbe() {}

  static MachineFacts describe(Double loadAverageAtStart) {
    return new MachineFacts(
        Runtime.getRuntime().availableProcessors(),
        memoryBytes(),
        cpuModel(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        loadAverageAtStart,
        loadAverage());
  }

  /** The one-minute load average, or null where the platform has none. */
  static Double loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? null : Math.round(load * 100) / 100.0;
  }

  /**
   * The commit the bench runs on, with "+changes" when tracked files differ from it; null outside
   * a git work tree.
   */
  static String gitCommit() {
    String commit = git("rev-parse", "--short", "HEAD");
    if (commit == null || commit.isEmpty()) {
      return null;
    }
    String changes = git("status", "--porcelain", "--untracked-files=no");
    return changes == null || changes.isEmpty() ? commit : commit + "+changes";
  }

  private static String git(String... arguments) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(arguments));
    try {
      Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(git.getInputStream().readAllBytes()).strip();
      if (!git.waitFor(5, TimeUnit.SECONDS) || git.exitValue() != 0) {
        git.destroyForcibly();
        return null;
      }
      return output;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static long memoryBytes() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return -1;
  }

  private static String cpuModel() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      return lines.stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst()
          .orElse(null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
