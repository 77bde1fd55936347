package com.ticketing.bench.temporal;

import com.ticketing.bench.report.HistoryStats;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import com.google.protobuf.util.Timestamps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what Temporal recorded per workflow: every history event, the activity tasks and the
 * workflow tasks, and how long those tasks waited in their task queues. Each task is a round trip
 * between a worker and the server, which is where a saga's time and CPU go beyond the work itself.
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
    long workflowTaskQueueMillis = 0;
    long activityTaskQueueMillis = 0;
    for (List<HistoryEvent> history : histories) {
      events += history.size();
      minEvents = Math.min(minEvents, history.size());
      maxEvents = Math.max(maxEvents, history.size());
      activityTasks += countOf(history, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
      workflowTasks += countOf(history, EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
      workflowTaskQueueMillis += queueMillis(history, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);
      activityTaskQueueMillis += queueMillis(history, EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED);
    }
    double sampled = histories.size();
    return new HistoryStats(
        path,
        histories.size(),
        round(events / sampled),
        round(activityTasks / sampled),
        round(workflowTasks / sampled),
        minEvents,
        maxEvents,
        round(workflowTaskQueueMillis / sampled),
        round(activityTaskQueueMillis / sampled));
  }

  /** Time from each task's Scheduled event to its Started event, all tasks of one kind together. */
  private static long queueMillis(List<HistoryEvent> history, EventType started) {
    Map<Long, Long> scheduledAt = new HashMap<>();
    long waited = 0;
    for (HistoryEvent event : history) {
      scheduledAt.put(event.getEventId(), Timestamps.toMillis(event.getEventTime()));
      if (event.getEventType() != started) {
        continue;
      }
      long scheduledEventId =
          started == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED
              ? event.getWorkflowTaskStartedEventAttributes().getScheduledEventId()
              : event.getActivityTaskStartedEventAttributes().getScheduledEventId();
      Long scheduled = scheduledAt.get(scheduledEventId);
      if (scheduled != null) {
        waited += Math.max(0, Timestamps.toMillis(event.getEventTime()) - scheduled);
      }
    }
    return waited;
  }

  private static long countOf(List<HistoryEvent> history, EventType type) {
    return history.stream().filter(event -> event.getEventType() == type).count();
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
