package com.ticketing.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Wakes this instance's relay when a transaction of this instance has written events. */
@Component
public class OutboxSignal {

  private final Semaphore work = new Semaphore(0);

  void poke() {
    if (work.availablePermits() == 0) {
      work.release();
    }
  }

  /** Waits for a poke or the timeout, whichever comes first. */
  public void await(Duration timeout) throws InterruptedException {
    if (work.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      work.drainPermits();
    }
  }
}
