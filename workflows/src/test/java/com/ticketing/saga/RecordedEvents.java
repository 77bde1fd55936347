package com.ticketing.saga;

import com.ticketing.events.SagaEvent;
import com.ticketing.events.SagaEventActivities;
import com.ticketing.events.SagaEventType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** Stands in for the Kafka publisher: keeps every event the saga publishes, in order. */
final class RecordedEvents implements SagaEventActivities {

  private final StepLog steps;
  private final List<SagaEvent> events = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstRetry = new CountDownLatch(1);

  RecordedEvents(StepLog steps) {
    this.steps = steps;
  }

  @Override
  public void publish(SagaEvent event) {
    steps.add("publish " + event.type().topic());
    events.add(event);
    if (event.type() == SagaEventType.PAYMENT_RETRY) {
      firstRetry.countDown();
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

  /** Lets a test act while the saga waits out its first retry delay. */
  CountDownLatch firstRetryPublished() {
    return firstRetry;
  }
}
