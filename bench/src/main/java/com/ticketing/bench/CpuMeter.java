package com.ticketing.bench;

import com.ticketing.bench.report.CpuUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CPU time of the processes that do a run's work, read from the operating system (/proc on
 * Linux) through {@link ProcessHandle}: the service JVM, the Temporal dev server (when Temporal
 * runs as a process of its own), the embedded mariadbd, and this JVM.
 */
public final class CpuMeter {

  /** Whose CPU time a path's cost is. */
  public enum Counted {
    /**
     * The saga: the service JVM (with the in-process Kafka, and Temporal's test server when it runs there),
     * the Temporal dev server and mariadbd; not this JVM, the REST client.
     */
    SERVICE_AND_DATABASE,
    /** A baseline: those plus this JVM, where the baseline's worker or loop runs (its client calls included). */
    SERVICE_DATABASE_AND_BENCH
  }

  /**
   * CPU time so far per process; null where it cannot be read.
   *
   * @param temporalInService Temporal's test server runs inside the service JVM, so its CPU time is in {@code service}
   */
  record Snapshot(Duration service, Duration temporal, Duration mariaDb, Duration bench, boolean temporalInService) {}

  private final ProcessHandle service;
  private final ProcessHandle temporal;
  private final ProcessHandle mariaDb;
  private final boolean temporalInService;

  public CpuMeter(
      Optional<ProcessHandle> service,
      Optional<ProcessHandle> temporal,
      Optional<ProcessHandle> mariaDb,
      boolean temporalInService) {
    this.service = service.orElse(null);
    this.temporal = temporal.orElse(null);
    this.mariaDb = mariaDb.orElse(null);
    this.temporalInService = temporalInService;
  }

  Snapshot snapshot() {
    return new Snapshot(
        cpuOf(service), cpuOf(temporal), cpuOf(mariaDb), cpuOf(ProcessHandle.current()), temporalInService);
  }

  /** The CPU time between two snapshots, and per finished saga the part the path counts. */
  static CpuUsage between(Snapshot before, Snapshot after, int sagas, Counted counted) {
    Double service = seconds(before.service(), after.service());
    Double temporal = seconds(before.temporal(), after.temporal());
    Double mariaDb = seconds(before.mariaDb(), after.mariaDb());
    Double bench = seconds(before.bench(), after.bench());
    List<String> parts = new ArrayList<>();
    double total = 0;
    if (service != null) {
      total += service;
      parts.add(after.temporalInService() ? "service JVM (with the in-process Temporal test server)" : "service JVM");
    }
    if (temporal != null) {
      total += temporal;
      parts.add("temporal dev server");
    }
    if (mariaDb != null) {
      total += mariaDb;
      parts.add("mariadbd");
    }
    if (counted == Counted.SERVICE_DATABASE_AND_BENCH && bench != null) {
      total += bench;
      parts.add("bench JVM");
    }
    Double perSaga = parts.isEmpty() || sagas == 0 ? null : Math.round(total * 1_000_000.0 / sagas) / 1_000.0;
    return new CpuUsage(
        service, temporal, mariaDb, bench, perSaga, parts.isEmpty() ? "nothing measurable" : String.join(" + ", parts));
  }

  private static Double seconds(Duration before, Duration after) {
    if (before == null || after == null) {
      return null;
    }
    return Math.round(after.minus(before).toNanos() / 1_000_000.0) / 1_000.0;
  }

  private static Duration cpuOf(ProcessHandle process) {
    return process == null || !process.isAlive() ? null : process.info().totalCpuDuration().orElse(null);
  }
}
