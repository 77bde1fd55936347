package com.ticketing.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The service's {@code ticketing.inbound.commands} counters, read from its MeterRegistry. */
record InboundCounters(MeterRegistry meters) {

  /** How many inbound records ended with the result so far (0 before the first one). */
  double count(String result) {
    Counter counter = meters.find("ticketing.inbound.commands").tag("result", result).counter();
    return counter == null ? 0 : counter.count();
  }
}
