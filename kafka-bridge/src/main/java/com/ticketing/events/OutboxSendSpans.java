package com.ticketing.events;

import com.ticketing.outbox.OutboxEntry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One span per Kafka send of the outbox relay: a child of the saga step that wrote the event (the
 * traceparent stored with it), ended when the brokers answer, and named in the record's own
 * {@code traceparent} header so that consumers continue the saga's trace. An event stored without
 * a trace context is sent as it is, without a span.
 */
@Component
public class OutboxSendSpans {

  private static final String TRACEPARENT = "traceparent";

  private final Tracer tracer;
  private final Propagator propagator;

  public OutboxSendSpans(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
    this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
  }

  /** Sends the event's record with {@code send}, inside the event's span. */
  public <R> CompletableFuture<R> send(
      OutboxEntry entry,
      ProducerRecord<String, String> record,
      Function<ProducerRecord<String, String>, CompletableFuture<R>> send) {
    if (entry.traceparent() == null || tracer == Tracer.NOOP) {
      return send.apply(record);
    }
    Span span =
        propagator
            .extract(entry.traceparent(), (stored, key) -> TRACEPARENT.equals(key) ? stored : null)
            .name(record.topic() + " send")
            .kind(Span.Kind.PRODUCER)
            .tag("messaging.system", "kafka")
            .tag("messaging.destination.name", record.topic())
            .tag("messaging.message.id", entry.eventId())
            .start();
    propagator.inject(span.context(), record.headers(), OutboxSendSpans::replaceHeader);
    CompletableFuture<R> acknowledged;
    try {
      acknowledged = send.apply(record);
    } catch (RuntimeException notSent) {
      span.error(notSent);
      span.end();
      throw notSent;
    }
    return acknowledged.whenComplete(
        (result, error) -> {
          if (error != null) {
            span.error(error);
          }
          span.end();
        });
  }

  private static void replaceHeader(Headers headers, String name, String value) {
    headers.remove(name).add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
