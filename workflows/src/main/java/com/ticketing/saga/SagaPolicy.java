package com.ticketing.saga;

import java.time.Duration;

/**
 * How patient the saga is with infrastructure steps, passed in at start so the workflow stays
 * free of configuration lookups (and deterministic).
 *
 * @param stepMaxAttempts attempts of one DB write, Kafka send, confirm or refund before the saga
 *     parks in NEEDS_ATTENTION and waits for an operator
 * @param attentionTimeout how long a parked saga waits for a decision before it compensates
 */
public record SagaPolicy(int stepMaxAttempts, Duration attentionTimeout) {

  public static final SagaPolicy DEFAULT = new SagaPolicy(10, Duration.ofHours(24));

  public SagaPolicy {
    if (stepMaxAttempts < 1) {
      throw new IllegalArgumentException("stepMaxAttempts must be at least 1");
    }
    if (attentionTimeout == null || attentionTimeout.isNegative() || attentionTimeout.isZero()) {
      throw new IllegalArgumentException("attentionTimeout must be positive");
    }
  }
}
