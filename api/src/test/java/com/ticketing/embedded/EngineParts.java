package com.ticketing.embedded;

/** The pieces of the embedded engines that tests outside this package reuse. */
public final class EngineParts {

  private EngineParts() {}

  /** The Temporal server of this JVM's embedded engines (started with them if need be). */
  public static TemporalEngine embeddedTemporal() {
    return EmbeddedEngines.startOnce().temporal();
  }
}
