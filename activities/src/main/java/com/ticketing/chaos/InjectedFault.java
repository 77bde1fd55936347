package com.ticketing.chaos;

/** A failure the chaos knobs injected; transient, so Temporal retries the step. */
public class InjectedFault extends RuntimeException {

  public InjectedFault(String message) {
    super(message);
  }
}
