package com.ticketing.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.it.IntegrationTest;
import com.ticketing.it.SagaEventRecorder.Message;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** The inbound side of the bridge: a payment.try command produced by another system. */
class PaymentTryCommandIntegrationTest extends IntegrationTest {

  @Value("${ticketing.kafka.consumer-group}")
  private String listenerGroup;

  @Test
  void paymentTryCommandFromKafkaStartsTheSaga() throws Exception {
    Hold hold = holdNewSeat(60_000, 15_000);
    String paymentTxId = newPaymentTxId("kafka");

    sendCommand(hold, paymentTxId);

    JsonNode done = awaitFinal(paymentTxId);
    assertThat(done.path("status").asString()).isEqualTo("SUCCESS");
    assertThat(done.path("reservationStatus").asString()).isEqualTo("CONFIRMED");
    assertThat(done.path("userId").asLong()).isEqualTo(hold.userId());
    assertThat(done.path("seatId").asLong()).isEqualTo(hold.seatId());
    assertThat(ledgerOf(paymentTxId)).containsExactly(new LedgerRow("DEBIT", hold.userId(), 15_000));
    assertThat(balanceInDb(hold.userId())).isEqualTo(45_000);
    assertThat(events.awaitEvents(paymentTxId, "payment.try", "payment.success", "reservation.success"))
        .extracting(Message::eventId)
        .containsExactlyInAnyOrder(
            paymentTxId + ":payment.try",
            paymentTxId + ":payment.success",
            paymentTxId + ":reservation.success");
  }

  @Test
  void sameCommandSentTwiceDebitsOnce() throws Exception {
    Hold hold = holdNewSeat(60_000, 11_000);
    String paymentTxId = newPaymentTxId("kafka-dup");

    sendCommand(hold, paymentTxId);
    RecordMetadata second = sendCommand(hold, paymentTxId);

    awaitFinal(paymentTxId);
    awaitListenerPast(second);
    assertPaidOnce(paymentTxId, hold, 49_000);
  }

  /** A bare command, keyed like the saga's events so that one seat's messages stay in order. */
  private RecordMetadata sendCommand(Hold hold, String paymentTxId) throws Exception {
    String command =
        """
        {"paymentTxId": "%s", "userId": %d, "reservationId": %d}"""
            .formatted(paymentTxId, hold.userId(), hold.reservationId());
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      return producer
          .send(new ProducerRecord<>("payment.try", hold.userId() + "-" + hold.seatId(), command))
          .get(10, TimeUnit.SECONDS);
    }
  }

  /** Waits until the service's listener group has committed past the message. */
  private void awaitListenerPast(RecordMetadata sent) {
    TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(config)) {
      await("listener group " + listenerGroup + " past " + partition + "@" + sent.offset())
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                    admin
                        .listConsumerGroupOffsets(listenerGroup)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                OffsetAndMetadata offset = committed.get(partition);
                return offset != null && offset.offset() > sent.offset();
              });
    }
  }
}
