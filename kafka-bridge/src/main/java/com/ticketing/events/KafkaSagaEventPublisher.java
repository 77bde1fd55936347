package com.ticketing.events;

import com.ticketing.chaos.Chaos;
import com.ticketing.chaos.FaultyStep;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publish activity: one saga event to its topic, keyed userId-seatId, acknowledged by the
 * broker before the activity completes, with the header {@link SagaOrigin} so that the inbound
 * listener skips the saga's own payment.try events. A failed send throws, and Temporal retries the
 * activity with the same event (same eventId).
 */
@Component
public class KafkaSagaEventPublisher implements SagaEventActivities {

  private static final long SEND_TIMEOUT_SECONDS = 10;

  private final KafkaTemplate<String, String> kafka;
  private final JsonMapper json;
  private final Chaos chaos;

  public KafkaSagaEventPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, Chaos chaos) {
    this.kafka = kafka;
    this.json = json;
    this.chaos = chaos;
  }

  @Override
  public void publish(SagaEvent event) {
    String value = json.writeValueAsString(EventEnvelope.of(event));
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            event.type().topic(), null, event.payment().messageKey(), value, List.of(SagaOrigin.header()));
    try {
      kafka.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing " + event.eventId(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not acknowledge " + event.eventId() + " on " + event.type().topic(), e);
    }
    chaos.afterEffect(FaultyStep.PUBLISH);
  }
}
