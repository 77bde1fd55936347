package com.ticketing.saga;

import com.ticketing.events.SagaEvent;
import com.ticketing.events.SagaEventType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the outbox: keeps every event the saga's steps write, in order, once per
 * eventId as the outbox does (a repeated write of an event keeps the first).
 */
final class RecordedEvents {

  private final StepLog steps;
  private final List<SagaEvent> events = new CopyOnWriteArrayList<>();

  RecordedEvents(StepLog steps) {
    this.steps = steps;
  }

  void write(List<SagaEvent> written) {
    for (SagaEvent event : written) {
      steps.add("publish " + event.type().topic());
      if (events.stream().noneMatch(known -> known.eventId().equals(event.eventId()))) {
        events.add(event);
      }
    }
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
