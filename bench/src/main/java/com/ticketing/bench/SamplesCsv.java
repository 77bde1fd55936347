package com.ticketing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Every sample of one run as CSV, in the order the sagas began, for looking into a tail: when
 * the slow sagas began tells a stall (all in flight at once) from a slow kind of saga.
 */
final class SamplesCsv {

  static final String HEADER =
      "saga_id,began_ms,outcome,hold_attempts,hold_ms,start_ms,total_ms,payment_retries,error";

  private SamplesCsv() {}

  static void write(Path file, long runStartedNanos, List<Sample> samples) {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    samples.stream()
        .sorted(Comparator.comparingLong(Sample::beganNanos))
        .forEach(sample -> lines.add(String.join(",",
            sample.sagaId(),
            millis(sample.beganNanos() - runStartedNanos),
            sample.outcome(),
            Integer.toString(sample.holdAttempts()),
            millis(sample.holdNanos()),
            millis(sample.startNanos()),
            millis(sample.totalNanos()),
            Integer.toString(sample.paymentRetries()),
            quoted(sample.error()))));
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }

  private static String millis(long nanos) {
    return nanos < 0 ? "" : String.format(Locale.ROOT, "%.3f", nanos / 1e6);
  }

  private static String quoted(String text) {
    return text == null ? "" : '"' + text.replace("\"", "\"\"").replace('\n', ' ') + '"';
  }
}
