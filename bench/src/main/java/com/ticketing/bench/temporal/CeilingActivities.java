package com.ticketing.bench.temporal;

import io.temporal.activity.ActivityInterface;

/** The ceiling's one activity, which does nothing: what is left is Temporal's own cost of a step. */
@ActivityInterface
public interface CeilingActivities {

  void step(int number);
}
