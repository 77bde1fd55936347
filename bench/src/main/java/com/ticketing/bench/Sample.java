package com.ticketing.bench;

/**
 * How one saga went, as its path saw it. Durations are nanoseconds; -1 where a step did not
 * happen (a failed hold has no start).
 *
 * @param sagaId the paymentTxId or workflow id, for the Temporal histories
 * @param beganNanos {@link System#nanoTime()} when the saga began (its hold, or its start), to place it in its run
 * @param outcome SUCCESS, FAILURE, CANCEL, TIMEOUT or ERROR
 * @param holdAttempts attempts the seat hold took (1 without retries; 0 on the ceiling path, which holds nothing)
 * @param holdNanos holding the seat, retries included (saga and direct paths)
 * @param startNanos the start call: POST /api/payments, the workflow start, the polling row's transaction
 * @param totalNanos from the start call to the final answer
 * @param paymentRetries debit retries the saga made (RETRYING; each adds 1 s, 2 s or 4 s of backoff)
 * @param error what went wrong, when the outcome is not SUCCESS
 */
public record Sample(
    String sagaId,
    long beganNanos,
    String outcome,
    int holdAttempts,
    long holdNanos,
    long startNanos,
    long totalNanos,
    int paymentRetries,
    String error) {

  public static final String SUCCESS = "SUCCESS";
  public static final String TIMEOUT = "TIMEOUT";
  public static final String ERROR = "ERROR";
  /** Not a sample's outcome: the count of sagas the phase deadline kept from starting. */
  public static final String NOT_STARTED = "NOT_STARTED";

  public static Sample error(String sagaId, long beganNanos, int holdAttempts, long holdNanos, String error) {
    return new Sample(sagaId, beganNanos, ERROR, holdAttempts, holdNanos, -1, -1, 0, error);
  }

  public boolean succeeded() {
    return SUCCESS.equals(outcome);
  }
}
