package com.ticketing.bench.temporal;

/** Returns at once. */
public class NoopCeilingActivities implements CeilingActivities {

  @Override
  public void step(int number) {
    // nothing: the ceiling measures the framework, not work
  }
}
