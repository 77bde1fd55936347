package com.ticketing.bench;

import java.util.concurrent.atomic.AtomicLong;

/** Hands each saga a number of its own, which is also its user id and seat id: no two sagas share either. */
public final class SagaNumbers {

  private final AtomicLong last;

  public SagaNumbers(long offset) {
    this.last = new AtomicLong(offset);
  }

  public long next() {
    return last.incrementAndGet();
  }

  public long lastTaken() {
    return last.get();
  }
}
