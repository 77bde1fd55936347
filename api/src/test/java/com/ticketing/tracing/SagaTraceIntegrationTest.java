package com.ticketing.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.it.IntegrationTest;
import com.ticketing.it.SagaEventRecorder.Message;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** One trace per saga: from the request that starts it, through Temporal, to the Kafka records it sends. */
class SagaTraceIntegrationTest extends IntegrationTest {

  private static final List<String> HAPPY_TOPICS = List.of("payment.try", "payment.success", "reservation.success");

  @Autowired private InMemorySpanExporter recordedSpans;
  @Autowired private SdkTracerProvider tracerProvider;
  @Autowired private KafkaTemplate<String, String> kafka;

  @Test
  void aPaymentRequestIsTheRootOfTheSagasWorkflowActivitiesAndKafkaSends() {
    Hold hold = holdNewSeat(20_000, 3_000);
    String paymentTxId = newPaymentTxId("trace-rest");

    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);
    assertThat(awaitFinal(paymentTxId).path("status").asString()).isEqualTo("SUCCESS");
    List<Message> published = events.awaitEvents(paymentTxId, HAPPY_TOPICS.toArray(String[]::new));

    SpanTree trace = awaitTraceOfSaga(paymentTxId);
    System.out.println("trace of " + paymentTxId + ":\n" + trace.render());

    SpanData post = single(trace, trace.roots());
    assertThat(post.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(post.getName()).contains("post").contains("/api/payments");
    assertThat(trace.spans()).allSatisfy(span -> assertThat(span == post || trace.descendsFrom(span, post)).isTrue());

    SpanData start = single(trace, trace.named("StartWorkflow:PaymentSagaWorkflow"));
    assertThat(trace.parentOf(start)).contains(post);
    SpanData run = single(trace, trace.named("RunWorkflow:PaymentSagaWorkflow"));
    assertThat(trace.descendsFrom(run, start)).isTrue();
    for (String step : List.of("RunActivity:Debit", "RunActivity:Confirm")) {
      assertThat(trace.named(step)).as(step).singleElement().satisfies(span -> assertThat(trace.descendsFrom(span, run)).isTrue());
    }
    // Status writes: the start's PROCESSING (with payment.try) and SUCCESS (with payment.success) at least.
    assertThat(trace.named("RunActivity:RecordStart")).singleElement()
        .satisfies(span -> assertThat(trace.descendsFrom(span, run)).isTrue());
    assertThat(trace.named("RunActivity:Record")).isNotEmpty()
        .allSatisfy(span -> assertThat(trace.descendsFrom(span, run)).isTrue());

    for (Message event : published) {
      SpanData send = single(trace, trace.named(event.topic() + " send"));
      assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
      assertThat(SpanTree.attribute(send, "messaging.message.id")).isEqualTo(event.eventId());
      assertThat(trace.parentOf(send)).get().extracting(SpanData::getName).asString().startsWith("RunActivity:");
      assertThat(traceparentOf(event)).as("traceparent of %s", event.eventId())
          .startsWith("00-" + trace.traceId() + "-" + send.getSpanId() + "-")
          .satisfies(traceparent -> assertThat(sampled(traceparent)).isTrue());
    }
    SpanData confirmed = single(trace, trace.named("reservation.success send"));
    assertThat(trace.parentOf(confirmed).orElseThrow().getName()).isEqualTo("RunActivity:Confirm");
  }

  @Test
  void aPaymentTryCommandWithATraceparentContinuesItsCallersTrace() throws Exception {
    Hold hold = holdNewSeat(20_000, 3_000);
    String paymentTxId = newPaymentTxId("trace-kafka");
    String traceId = randomHex(16);
    String callerSpanId = randomHex(8);
    ProducerRecord<String, String> command =
        new ProducerRecord<>(
            "payment.try",
            hold.userId() + "-" + hold.seatId(),
            "{\"paymentTxId\": \"%s\", \"userId\": %d, \"reservationId\": %d}"
                .formatted(paymentTxId, hold.userId(), hold.reservationId()));
    command.headers().add("traceparent", ("00-" + traceId + "-" + callerSpanId + "-01").getBytes(StandardCharsets.UTF_8));

    kafka.send(command).get(10, TimeUnit.SECONDS);
    assertThat(awaitFinal(paymentTxId).path("status").asString()).isEqualTo("SUCCESS");
    events.awaitEvents(paymentTxId, HAPPY_TOPICS.toArray(String[]::new));

    SpanTree trace = awaitTraceOfSaga(paymentTxId);
    assertThat(trace.traceId()).isEqualTo(traceId);
    SpanData received = single(trace, trace.roots());
    assertThat(received.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(received.getParentSpanId()).isEqualTo(callerSpanId);
    SpanData start = single(trace, trace.named("StartWorkflow:PaymentSagaWorkflow"));
    assertThat(trace.descendsFrom(start, received)).isTrue();
    for (String step : List.of("RunActivity:Debit", "RunActivity:Confirm", "reservation.success send")) {
      assertThat(trace.named(step)).as(step).singleElement().satisfies(span -> assertThat(trace.descendsFrom(span, start)).isTrue());
    }
  }

  /**
   * The trace whose workflow start names the saga, once every happy-path send span has ended and
   * been exported (sends end when the brokers answer, after the consumer may already have the event).
   */
  private SpanTree awaitTraceOfSaga(String paymentTxId) {
    return await("the trace of " + paymentTxId)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
              List<SpanData> exported = recordedSpans.getFinishedSpanItems();
              return exported.stream()
                  .filter(span -> span.getName().equals("StartWorkflow:PaymentSagaWorkflow"))
                  .filter(span -> paymentTxId.equals(SpanTree.attribute(span, "workflowId")))
                  .findFirst()
                  .map(start -> SpanTree.of(start.getTraceId(), exported))
                  .orElse(null);
            },
            trace -> trace != null && HAPPY_TOPICS.stream().allMatch(topic -> trace.named(topic + " send").size() == 1));
  }

  private static SpanData single(SpanTree trace, List<SpanData> spans) {
    assertThat(spans).as(trace::render).hasSize(1);
    return spans.get(0);
  }

  /** The traceparent header of the record the event was read from. */
  private String traceparentOf(Message event) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    TopicPartition partition = new TopicPartition(event.topic(), event.partition());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.assign(List.of(partition));
      consumer.seek(partition, event.offset());
      ConsumerRecord<String, String> record =
          await("record " + partition + "@" + event.offset())
              .atMost(Duration.ofSeconds(10))
              .until(() -> consumer.poll(Duration.ofMillis(200)).records(partition).stream().findFirst().orElse(null),
                  found -> found != null);
      Header header = record.headers().lastHeader("traceparent");
      return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
  }

  /** The sampled bit of a traceparent's flags. */
  private static boolean sampled(String traceparent) {
    return (HexFormat.fromHexDigits(traceparent.substring(traceparent.lastIndexOf('-') + 1)) & 1) == 1;
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
