package com.ticketing.bench.report;

import java.util.List;
import java.util.Map;

/**
 * One path at one concurrency: what was asked, how fast it went and how it ended.
 *
 * @param requested sagas the run was to start
 * @param finished sagas that ended, in any outcome, before the deadlines
 * @param wallSeconds from the first start to the last end
 * @param throughput successful sagas per second of wall time
 * @param latencyMs from the start call (POST /api/payments, the workflow start, the polling row's
 *     transaction) to the final answer
 * @param startMs how long the start call itself took
 * @param holdMs how long holding the seat took, retries included (saga and direct paths; not part of latencyMs)
 * @param holdRetries hold attempts beyond the first, all sagas together (the database said "try again")
 * @param paymentRetries debit retries (RETRYING) of all sagas together, each with 1 s, 2 s or 4 s of backoff
 *     in its latency; always 0 for the baselines
 * @param outcomes sagas per outcome: SUCCESS, FAILURE, CANCEL, TIMEOUT, ERROR, NOT_STARTED
 * @param errors the first few error messages, for a run that did not go clean
 */
public record PhaseResult(
    String path,
    int concurrency,
    int requested,
    int finished,
    double wallSeconds,
    double throughput,
    LatencySummary latencyMs,
    LatencySummary startMs,
    LatencySummary holdMs,
    int holdRetries,
    int paymentRetries,
    Map<String, Integer> outcomes,
    List<String> errors,
    CpuUsage cpu) {

  public int succeeded() {
    return outcomes.getOrDefault("SUCCESS", 0);
  }
}
