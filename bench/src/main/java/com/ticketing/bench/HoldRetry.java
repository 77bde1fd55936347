package com.ticketing.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How a client retries a seat hold that the database refused for now (503, "try again", e.g. a
 * lock wait over its limit). The saga starts after the hold,
 * so retried holds cost throughput, never saga latency; each phase reports how many there were.
 */
public final class HoldRetry {

  public static final int MAX_ATTEMPTS = 30;

  private HoldRetry() {}

  /** A short random pause, longer with each attempt, so that the retries of racing holds spread out. */
  public static void backOff(int attempt) {
    long ceilingMillis = Math.min(200, 10L * attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceilingMillis + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
