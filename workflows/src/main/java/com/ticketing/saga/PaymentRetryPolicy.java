package com.ticketing.saga;

import java.time.Duration;

/** The saga's own payment retries: 3 of them, after 1 s, 2 s and 4 s. */
public final class PaymentRetryPolicy {

  public static final int MAX_RETRIES = 3;
  private static final Duration FIRST_DELAY = Duration.ofSeconds(1);

  private PaymentRetryPolicy() {}

  /** The wait before retry number {@code retry} (1-based): 1 s, 2 s, 4 s. */
  public static Duration delayBefore(int retry) {
    return FIRST_DELAY.multipliedBy(1L << (retry - 1));
  }
}
