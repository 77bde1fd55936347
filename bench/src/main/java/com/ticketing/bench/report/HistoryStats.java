package com.ticketing.bench.report;

/**
 * What Temporal recorded for a sample of successful workflows of one path, per workflow on average.
 *
 * @param activityTasks ActivityTaskScheduled events
 * @param workflowTasks WorkflowTaskScheduled events
 */
public record HistoryStats(
    String path, int sampled, double events, double activityTasks, double workflowTasks, int minEvents, int maxEvents) {}
