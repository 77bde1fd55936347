package com.ticketing.mode;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one instance of the service does ({@code ticketing.mode}); scaling out is adding
 * instances of the same jar in different modes, not changing code.
 */
public enum TicketingMode {
  /** REST and Temporal workers (the default). */
  ALL,
  /** REST only: starts sagas, runs none. */
  API,
  /** Temporal workers only: runs sagas; serves nothing but /actuator. */
  WORKER;

  static TicketingMode parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "ticketing.mode must be one of "
              + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
              + ", not '" + value + "'");
    }
  }
}
