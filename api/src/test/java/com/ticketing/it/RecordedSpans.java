package com.ticketing.it;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Keeps every span the service ends in memory, next to (not instead of) the batch processor's
 * other exporters, so that tests can read a saga's trace.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedSpans {

  @Bean
  InMemorySpanExporter recordedSpans() {
    return InMemorySpanExporter.create();
  }
}
