package com.ticketing.bench;

import java.util.Arrays;
import java.util.Locale;

/** The three ways of doing one payment that the bench compares. */
public enum BenchPath {
  /** The service's saga over REST: hold, pay, poll until final. */
  SAGA("saga"),
  /** The framework ceiling: a no-op workflow with as many no-op activities as the saga's happy path. */
  CEILING("ceiling"),
  /** The saga's database transactions and Kafka sends in a plain loop, without Temporal. */
  DIRECT("direct");

  private final String label;

  BenchPath(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static BenchPath parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(path -> path.label.equals(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "--paths takes saga, ceiling and direct, not '" + text + "'"));
  }
}
