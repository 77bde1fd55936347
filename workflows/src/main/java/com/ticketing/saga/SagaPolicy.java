package com.ticketing.saga;

import java.time.Duration;

/**
 * How patient the saga is with infrastructure steps, passed in at start so the workflow stays
 * free of configuration lookups (and deterministic).
 *
 * @param stepMaxAttempts attempts of one DB write, Kafka send, confirm or reversal before the saga
 *     parks in NEEDS_ATTENTION and waits for an operator
 * @param attentionTimeout how long a parked saga waits for a decision before it compensates
 * @param stepTimeout how long one activity attempt may run (Temporal's start-to-close timeout);
 *     the service sizes its connection, lock and transaction waits below it
 */
public record SagaPolicy(int stepMaxAttempts, Duration attentionTimeout, Duration stepTimeout) {

  public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(10);
  public static final SagaPolicy DEFAULT = new SagaPolicy(10, Duration.ofHours(24), DEFAULT_STEP_TIMEOUT);

  public SagaPolicy {
    if (stepMaxAttempts < 1) {
      throw new IllegalArgumentException("stepMaxAttempts must be at least 1");
    }
    requirePositive("attentionTimeout", attentionTimeout);
    if (stepTimeout == null) {
      stepTimeout = DEFAULT_STEP_TIMEOUT; // a start from before the timeout was configurable
    }
    requirePositive("stepTimeout", stepTimeout);
  }

  public SagaPolicy(int stepMaxAttempts, Duration attentionTimeout) {
    this(stepMaxAttempts, attentionTimeout, DEFAULT_STEP_TIMEOUT);
  }

  private static void requirePositive(String name, Duration duration) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
