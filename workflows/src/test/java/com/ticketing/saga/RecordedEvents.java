package com.ticketing.saga;

import com.ticketing.events.SagaEvent;
import com.ticketing.events.SagaEventActivities;
import com.ticketing.events.SagaEventType;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the Kafka publisher: keeps every event the saga publishes, in order. An outage of
 * one topic makes its sends fail the retryable way until it ends.
 */
final class RecordedEvents implements SagaEventActivities {

  private final StepLog steps;
  private final List<SagaEvent> events = new CopyOnWriteArrayList<>();
  private volatile String topicDown;

  RecordedEvents(StepLog steps) {
    this.steps = steps;
  }

  /** Sends to {@code topic} fail until {@link #topicBackUp()}. */
  RecordedEvents topicDown(String topic) {
    topicDown = topic;
    return this;
  }

  void topicBackUp() {
    topicDown = null;
  }

  @Override
  public void publish(SagaEvent event) {
    steps.add("publish " + event.type().topic());
    if (event.type().topic().equals(topicDown)) {
      throw ApplicationFailure.newFailure("broker unreachable", "Outage");
    }
    events.add(event);
  }

  List<SagaEvent> events() {
    return List.copyOf(events);
  }

  List<String> topics() {
    return events.stream().map(event -> event.type().topic()).toList();
  }

  List<SagaEvent> ofType(SagaEventType type) {
    return events.stream().filter(event -> event.type() == type).toList();
  }
}
