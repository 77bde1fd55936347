package com.ticketing.bench.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.bench.report.HistoryStats;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
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

  @Test
  void countsEventsActivityTasksAndWorkflowTasksPerWorkflow() {
    HistoryStats stats = HistoryCounter.count("ceiling", List.of(history(7), history(7)));

    assertThat(stats).isEqualTo(new HistoryStats("ceiling", 2, 47, 7, 8, 47, 47));
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
