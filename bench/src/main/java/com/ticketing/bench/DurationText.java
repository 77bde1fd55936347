package com.ticketing.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people type them: {@code 50ms}, {@code 2s}, {@code 5m}, {@code PT1M}, or bare milliseconds. */
final class DurationText {

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

  private DurationText() {}

  static Duration parse(String name, String text) {
    String trimmed = text.trim();
    if (trimmed.toUpperCase(Locale.ROOT).startsWith("PT")) {
      return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
    }
    Matcher matcher = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "--" + name + " is a duration like 50ms, 2s, 5m or PT1M, not '" + text + "'");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** The short form back: whole seconds as {@code 2s}, the rest as milliseconds. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
