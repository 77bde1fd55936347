package com.ticketing.bench.report;

import java.util.List;

/**
 * The settings a run was made with, so that two runs can be told apart.
 *
 * @param temporal which Temporal the service ran on, e.g. "Temporal dev server (temporal version 1.9.1 (Server
 *     1.32.0, UI 2.54.1))", "Temporal test server (in-process)" or "external Temporal at temporal:7233"
 */
public record RunSettings(
    String service,
    String temporal,
    String gitCommit,
    int sagas,
    int sequentialSagas,
    List<Integer> concurrencies,
    int warmup,
    long pollIntervalMillis,
    List<String> paths,
    String serviceHeap,
    int demoUsers,
    int demoSeats,
    long pointsPerUser,
    int ceilingActivities,
    int directPoolSize) {}
