package com.ticketing.bench.report;

/**
 * The machine a run was measured on; the load averages say how quiet it was.
 *
 * @param loadAverageAtStart the one-minute load average when the bench began (null where unknown)
 */
public record MachineFacts(
    int cores,
    long memoryBytes,
    String cpuModel,
    String javaVersion,
    String javaVm,
    String os,
    Double loadAverageAtStart,
    Double loadAverageAtEnd) {}
