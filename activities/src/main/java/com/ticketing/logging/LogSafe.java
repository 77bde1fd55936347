package com.ticketing.logging;

/**
 * Makes a value from outside (a request, a Kafka message, an engine's error text) safe for a log
 * line: CR, LF and other control characters are escaped, so that no value can forge a line.
 */
public final class LogSafe {

  private static final int MAX_LENGTH = 500;

  private LogSafe() {}

  public static String of(Object value) {
    if (value == null) {
      return "null";
    }
    String text = String.valueOf(value);
    StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
    for (int i = 0; i < text.length() && safe.length() < MAX_LENGTH; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> safe.append("\\r");
        case '\n' -> safe.append("\\n");
        case '\t' -> safe.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            safe.append(String.format("\\u%04x", (int) c));
          } else {
            safe.append(c);
          }
        }
      }
    }
    if (safe.length() >= MAX_LENGTH && text.length() > MAX_LENGTH) {
      safe.append("…");
    }
    return safe.toString();
  }
}
