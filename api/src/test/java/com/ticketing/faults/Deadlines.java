package com.ticketing.faults;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waiting for the fault suite: every loop has a deadline, and no sleep is unexplained. */
final class Deadlines {

  private Deadlines() {}

  /**
   * Polls the condition every {@code interval} until it holds; false when the deadline passed
   * first.
   */
  static boolean poll(Duration deadline, Duration interval, BooleanSupplier condition) {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() >= end) {
        return false;
      }
      pause(interval);
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
