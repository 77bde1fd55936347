package com.ticketing.chaos;

import java.util.Locale;

/** The saga's steps that lost answers and slow attempts can hit ({@code ticketing.chaos.fault-steps}). */
public enum FaultyStep {
  DEBIT,
  REVERSE,
  CONFIRM,
  RECORD,
  PUBLISH;

  /** The name used in configuration and in the injected failures' messages. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
