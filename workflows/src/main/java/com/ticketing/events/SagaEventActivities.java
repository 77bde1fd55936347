package com.ticketing.events;

import io.temporal.activity.ActivityInterface;

/** Publishes the saga's events for the rest of the ticketing system. */
@ActivityInterface
public interface SagaEventActivities {

  /** Returns once the broker has acknowledged the event. */
  void publish(SagaEvent event);
}
