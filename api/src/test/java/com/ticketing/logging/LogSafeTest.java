package com.ticketing.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

  @Test
  void lineBreaksAndControlCharactersAreEscaped() {
    assertThat(LogSafe.of("pay-1\r\n2026-11-26 INFO forged line\u0007"))
        .isEqualTo("pay-1\\r\\n2026-11-26 INFO forged line\\u0007")
        .doesNotContain("\n", "\r");
  }

  @Test
  void plainValuesStayAsTheyAre() {
    assertThat(LogSafe.of("demo-1")).isEqualTo("demo-1");
    assertThat(LogSafe.of(null)).isEqualTo("null");
  }

  @Test
  void longValuesAreCut() {
    assertThat(LogSafe.of("x".repeat(10_000))).hasSizeLessThan(600);
  }
}
