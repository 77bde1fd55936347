package com.ticketing.bench.report;

/**
 * What Temporal recorded for a sample of successful workflows of one path, per workflow on average.
 *
 * @param path the path, and which of its workflows were sampled ("saga", "saga, 5 slowest")
 * @param activityTasks ActivityTaskScheduled events
 * @param workflowTasks WorkflowTaskScheduled events
 * @param workflowTaskQueueMs time the workflow's tasks waited to be picked up by a worker
 *     (WorkflowTaskScheduled to WorkflowTaskStarted), all its workflow tasks together
 * @param activityTaskQueueMs the same for its activity tasks (ActivityTaskScheduled to ActivityTaskStarted)
 */
public record HistoryStats(
    String path,
    int sampled,
    double events,
    double activityTasks,
    double workflowTasks,
    int minEvents,
    int maxEvents,
    double workflowTaskQueueMs,
    double activityTaskQueueMs) {}
