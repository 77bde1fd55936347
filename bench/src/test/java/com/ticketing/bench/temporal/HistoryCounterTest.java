package com.ticketing.bench.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.bench.report.HistoryStats;
import com.google.protobuf.util.Timestamps;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.ActivityTaskStartedEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.WorkflowTaskStartedEventAttributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCounterTest {

  private static List<HistoryEvent> history(int activities) {
    List<HistoryEvent> events = new ArrayList<>();
    events.add(event(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED));
    for (int i = 0; i <= activities; i++) {
      events.add(event(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED));
      events.add(event(EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED));
      events.add(event(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED));
      if (i < activities) {
        events.add(event(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED));
        events.add(event(EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED));
        events.add(event(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED));
      }
    }
    events.add(event(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED));
    return events;
  }

  private static HistoryEvent event(EventType type) {
    return HistoryEvent.newBuilder().setEventType(type).build();
  }

  /** A workflow task that waited 300 ms to start, then an activity task that waited 20 ms. */
  private static List<HistoryEvent> timedHistory() {
    return List.of(
        timed(1, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, 0),
        timed(2, EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, 0),
        timed(3, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED, 300).toBuilder()
            .setWorkflowTaskStartedEventAttributes(
                WorkflowTaskStartedEventAttributes.newBuilder().setScheduledEventId(2))
            .build(),
        timed(4, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, 310),
        timed(5, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, 310),
        timed(6, EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED, 330).toBuilder()
            .setActivityTaskStartedEventAttributes(
                ActivityTaskStartedEventAttributes.newBuilder().setScheduledEventId(5))
            .build());
  }

  private static HistoryEvent timed(long id, EventType type, long millis) {
    return HistoryEvent.newBuilder()
        .setEventId(id)
        .setEventType(type)
        .setEventTime(Timestamps.fromMillis(1_800_000_000_000L + millis))
        .build();
  }

  @Test
  void countsEventsActivityTasksAndWorkflowTasksPerWorkflow() {
    HistoryStats stats = HistoryCounter.count("ceiling", List.of(history(7), history(7)));

    assertThat(stats).isEqualTo(new HistoryStats("ceiling", 2, 47, 7, 8, 47, 47, 0, 0));
  }

  @Test
  void measuresHowLongTasksWaitedBetweenScheduledAndStarted() {
    HistoryStats stats = HistoryCounter.count("saga", List.of(timedHistory()));

    assertThat(stats.workflowTaskQueueMs()).isEqualTo(300.0);
    assertThat(stats.activityTaskQueueMs()).isEqualTo(20.0);
  }

  @Test
  void averagesOverTheSampleAndKeepsTheExtremes() {
    HistoryStats stats = HistoryCounter.count("saga", List.of(history(1), history(2)));

    assertThat(stats.events()).isEqualTo(14.0);
    assertThat(stats.activityTasks()).isEqualTo(1.5);
    assertThat(stats.workflowTasks()).isEqualTo(2.5);
    assertThat(stats.minEvents()).isEqualTo(11);
    assertThat(stats.maxEvents()).isEqualTo(17);
  }

  @Test
  void noHistoriesNoStats() {
    assertThat(HistoryCounter.count("saga", List.of())).isNull();
  }
}
