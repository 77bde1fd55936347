package com.ticketing.bench.temporal;

import com.ticketing.bench.report.HistoryStats;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts what Temporal recorded per workflow: every history event, the activity tasks and the
 * workflow tasks. Each task is a round trip between a worker and the server, which is where a
 * saga's time and CPU go beyond the work itself.
 */
public final class HistoryCounter {

  private HistoryCounter() {}

  /** Fetches the workflows' histories and counts them; null when there are none. */
  public static HistoryStats fetchAndCount(WorkflowClient client, String path, List<String> workflowIds) {
    List<List<HistoryEvent>> histories = new ArrayList<>();
    for (String workflowId : workflowIds) {
      histories.add(client.fetchHistory(workflowId).getEvents());
    }
    return count(path, histories);
  }

  public static HistoryStats count(String path, List<List<HistoryEvent>> histories) {
    if (histories.isEmpty()) {
      return null;
    }
    int minEvents = Integer.MAX_VALUE;
    int maxEvents = 0;
    long events = 0;
    long activityTasks = 0;
    long workflowTasks = 0;
    for (List<HistoryEvent> history : histories) {
      events += history.size();
      minEvents = Math.min(minEvents, history.size());
      maxEvents = Math.max(maxEvents, history.size());
      activityTasks += countOf(history, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
      workflowTasks += countOf(history, EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
    }
    double sampled = histories.size();
    return new HistoryStats(
        path,
        histories.size(),
        round(events / sampled),
        round(activityTasks / sampled),
        round(workflowTasks / sampled),
        minEvents,
        maxEvents);
  }

  private static long countOf(List<HistoryEvent> history, EventType type) {
    return history.stream().filter(event -> event.getEventType() == type).count();
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
