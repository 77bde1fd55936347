package com.ticketing.saga;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every activity call of the fakes, in one order, to check that one step came before another. */
final class StepLog {

  private final List<String> steps = new CopyOnWriteArrayList<>();

  void add(String step) {
    steps.add(step);
  }

  /** Steps such as {@code debit}, {@code record FAILURE}, {@code refund}, {@code publish ...}. */
  List<String> steps() {
    return List.copyOf(steps);
  }
}
