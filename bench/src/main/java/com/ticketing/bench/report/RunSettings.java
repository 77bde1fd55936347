package com.ticketing.bench.report;

import java.util.List;

/** The settings a run was made with, so that two runs can be told apart. */
public record RunSettings(
    String service,
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
