package com.ticketing.database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What bounds one activity attempt, and whether it fits in the saga's step timeout: an attempt
 * that waits longer than its timeout for a connection or a lock is retried by Temporal while it
 * still runs, so every wait must end, and be seen, before the timeout does.
 *
 * @param stepTimeout Temporal's start-to-close timeout of every saga activity
 * @param connectionTimeout how long an attempt may wait for a pooled connection
 * @param lockWaitTimeout how long one statement may wait for a row lock
 * @param transactionTimeout how long a transaction's statements may run in all (null: unbounded)
 * @param poolSize connections in the pool
 * @param activitySlots activities, regular and local, a worker runs at once (null: Temporal's
 *     default, 200 of each)
 */
public record AttemptBudget(
    Duration stepTimeout,
    Duration connectionTimeout,
    Duration lockWaitTimeout,
    Duration transactionTimeout,
    int poolSize,
    Integer activitySlots) {

  /** Why this configuration lets an attempt outlive its timeout unseen; empty when it cannot. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (transactionTimeout == null) {
      problems.add("spring.transaction.default-timeout is not set: a transaction may run for ever");
    } else {
      if (lockWaitTimeout.compareTo(transactionTimeout) > 0) {
        problems.add("the lock wait (" + lockWaitTimeout + ") is longer than the transaction timeout ("
            + transactionTimeout + ")");
      }
      Duration worstCase = connectionTimeout.plus(transactionTimeout);
      if (worstCase.compareTo(stepTimeout) >= 0) {
        problems.add("a connection wait (" + connectionTimeout + ") plus a transaction (" + transactionTimeout
            + ") is not shorter than ticketing.saga.step-timeout (" + stepTimeout + ")");
      }
    }
    if (activitySlots == null || activitySlots > poolSize) {
      problems.add("a worker runs " + (activitySlots == null ? "up to 200 (Temporal's default)" : activitySlots)
          + " activities at once but the pool has " + poolSize + " connections:"
          + " set spring.temporal.workers[].capacity.max-concurrent-activity-executors and"
          + " max-concurrent-local-activity-executors to at most the pool size together");
    }
    return problems;
  }
}
