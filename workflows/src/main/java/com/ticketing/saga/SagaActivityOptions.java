package com.ticketing.saga;

import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Every activity option of the saga, in one place, named for what the activity does. The steps
 * are local activities: each is a short database transaction on the worker that runs the saga, so
 * a round trip through the Temporal server per step would cost more than the step itself.
 */
public final class SagaActivityOptions {

  private SagaActivityOptions() {}

  /**
   * One debit attempt per activity call: the workflow itself retries a transient failure after
   * 1 s, 2 s and 4 s so that each retry is visible (RETRYING, payment.retry).
   */
  public static LocalActivityOptions paymentAttemptOptions(SagaPolicy policy) {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(policy.stepTimeout())
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
        .build();
  }

  /**
   * Status writes with their events, the confirm and the reversal: idempotent steps that are
   * retried up to the policy's budget; past it the saga parks for an operator.
   */
  public static LocalActivityOptions stepOptions(SagaPolicy policy) {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(policy.stepTimeout())
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofMillis(500))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofSeconds(30))
                .setMaximumAttempts(policy.stepMaxAttempts())
                .build())
        .build();
  }

  /** A status write made while parking: a few tries, then the saga waits without it. */
  public static LocalActivityOptions bestEffortOptions(SagaPolicy policy) {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(policy.stepTimeout())
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofMillis(500))
                .setMaximumAttempts(3)
                .build())
        .build();
  }
}
