package com.ticketing.bench;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a path's sagas at a fixed concurrency, like that many clients: each thread starts its next
 * saga when its last one is final. Bounded twice: no saga starts after the phase deadline, and
 * each saga has its own deadline inside its path.
 */
final class LoadRunner {

  /** What one run measured, before it is summarised. */
  record Measurement(
      List<Sample> samples,
      int requested,
      int notStarted,
      long startedNanos,
      long wallNanos,
      CpuMeter.Snapshot cpuBefore,
      CpuMeter.Snapshot cpuAfter) {}

  private LoadRunner() {}

  static Measurement run(
      SagaPath path, int concurrency, int count, Duration phaseTimeout, Duration sagaTimeout, CpuMeter meter) {
    AtomicInteger claimed = new AtomicInteger();
    Queue<Sample> samples = new ConcurrentLinkedQueue<>();
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService clients =
        Executors.newFixedThreadPool(concurrency, runnable -> {
          Thread thread = new Thread(runnable, path.kind().label() + "-c" + concurrency + "-" + threadNumber.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    CpuMeter.Snapshot before = meter.snapshot();
    long started = System.nanoTime();
    long deadline = started + phaseTimeout.toNanos();
    for (int i = 0; i < concurrency; i++) {
      clients.execute(() -> {
        while (System.nanoTime() < deadline && claimed.getAndIncrement() < count) {
          samples.add(path.runOne());
        }
      });
    }
    clients.shutdown();
    try {
      // Every saga bounds itself by sagaTimeout; the extra minute is for a poll or call in flight.
      if (!clients.awaitTermination(phaseTimeout.plus(sagaTimeout).plusMinutes(1).toMillis(), TimeUnit.MILLISECONDS)) {
        clients.shutdownNow();
      }
    } catch (InterruptedException e) {
      clients.shutdownNow();
      Thread.currentThread().interrupt();
    }
    long wall = System.nanoTime() - started;
    CpuMeter.Snapshot after = meter.snapshot();
    int begun = Math.min(claimed.get(), count);
    return new Measurement(List.copyOf(samples), count, count - begun, started, wall, before, after);
  }
}
