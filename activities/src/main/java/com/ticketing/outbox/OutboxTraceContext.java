package com.ticketing.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The trace context the outbox keeps with each event: the W3C traceparent of the span current
 * while the event is written (the saga step's activity), so that the relay, which sends the event
 * later on its own thread, can send it in the same trace.
 */
@Component
public class OutboxTraceContext {

  private static final String INVALID_TRACE_ID = "0".repeat(32);

  private final Tracer tracer;

  public OutboxTraceContext(ObjectProvider<Tracer> tracer) {
    this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
  }

  /** {@code 00-<trace id>-<span id>-<flags>} of the current span; null when this thread has none. */
  public String current() {
    Span span = tracer.currentSpan();
    if (span == null || span.isNoop()) {
      return null;
    }
    TraceContext context = span.context();
    String traceId = context.traceId();
    String spanId = context.spanId();
    if (traceId.length() != 32 || spanId.length() != 16 || INVALID_TRACE_ID.equals(traceId)) {
      return null;
    }
    return "00-" + traceId + "-" + spanId + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
  }
}
