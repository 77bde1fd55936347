package com.ticketing.bench;

import java.util.Arrays;
import java.util.Locale;

/** Which service the bench drives, and who starts its engines. */
public enum ServiceTarget {
  /** The packaged jar, launched by the bench in its embedded default (MariaDB, Kafka, and the Temporal --temporal names). */
  EMBEDDED,
  /** The packaged jar, launched by the bench with the external profile against the engines named by the environment. */
  EXTERNAL,
  /** A service already running at a URL, with its Temporal address; the bench starts nothing. */
  ATTACHED;

  static ServiceTarget parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--service must be one of " + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ", not '" + text + "'");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
