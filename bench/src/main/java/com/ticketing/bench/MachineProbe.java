package com.ticketing.bench;

import com.ticketing.bench.report.MachineFacts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** The commit the bench runs on, when it runs in a git work tree; null otherwise. */
  static String gitCommit() {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
      if (!git.waitFor(5, TimeUnit.SECONDS) || git.exitValue() != 0) {
        git.destroyForcibly();
        return null;
      }
      return new String(git.getInputStream().readAllBytes()).strip();
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
