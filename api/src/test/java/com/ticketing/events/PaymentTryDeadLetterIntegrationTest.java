package com.ticketing.events;

import static com.ticketing.events.InboundKafka.header;
import static com.ticketing.events.InboundKafka.longHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.it.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Messages on payment.try that can never start a payment go to payment.try.DLT at once. */
class PaymentTryDeadLetterIntegrationTest extends IntegrationTest {

  private static final String REJECTED = CommandRejected.class.getName();

  @Value("${ticketing.kafka.consumer-group}")
  private String listenerGroup;

  @Autowired private MeterRegistry meters;

  private InboundKafka inbound;
  private InboundCounters counters;

  @BeforeEach
  void connect() {
    inbound = new InboundKafka(bootstrapServers(), listenerGroup);
    counters = new InboundCounters(meters);
  }

  @Test
  void unreadableMessageLandsOnTheDeadLetterTopicOnceAtOnceAsItWasSent() throws Exception {
    String paymentTxId = newPaymentTxId("poison");
    String key = "poison-" + UUID.randomUUID();
    String poison = "{\"paymentTxId\": \"" + paymentTxId + "\", \"userId\": 1, \"reservationId\": ";
    double retriedBefore = counters.count("retried");
    double deadLetteredBefore = counters.count("dead_lettered");

    RecordMetadata sent = inbound.send(key, poison, Map.of("trace-id", "trace-" + paymentTxId));

    ConsumerRecord<String, String> dead = inbound.awaitDeadLetter(key);
    inbound.awaitListenerPast(sent);
    assertThat(inbound.deadLetters(key)).hasSize(1);
    assertThat(dead.value()).isEqualTo(poison);
    assertThat(header(dead, "trace-id")).isEqualTo("trace-" + paymentTxId);
    assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo("payment.try");
    assertThat(longHeader(dead, "kafka_dlt-original-offset")).isEqualTo(sent.offset());
    assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(REJECTED);
    assertThat(header(dead, "kafka_dlt-exception-message")).contains("unreadable");
    assertThat(header(dead, "kafka_dlt-exception-stacktrace")).isNotBlank();
    assertThat(counters.count("retried")).isEqualTo(retriedBefore);
    assertThat(counters.count("dead_lettered")).isEqualTo(deadLetteredBefore + 1);
    assertThat(paymentRows(paymentTxId)).isZero();
  }

  @Test
  void commandWithoutPaymentTxIdLandsOnTheDeadLetterTopicWithTheReason() throws Exception {
    Hold hold = holdNewSeat(30_000, 9_000);
    String key = hold.userId() + "-" + hold.seatId();
    String command =
        """
        {"userId": %d, "reservationId": %d}""".formatted(hold.userId(), hold.reservationId());
    double refusedBefore = counters.count("refused");

    RecordMetadata sent = inbound.send(key, command, Map.of());

    ConsumerRecord<String, String> dead = inbound.awaitDeadLetter(key);
    inbound.awaitListenerPast(sent);
    assertThat(inbound.deadLetters(key)).hasSize(1);
    assertThat(dead.value()).isEqualTo(command);
    assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(REJECTED);
    assertThat(header(dead, "kafka_dlt-exception-message")).contains("without paymentTxId");
    assertThat(counters.count("refused")).isEqualTo(refusedBefore + 1);
    assertThat(paymentRowsOfReservation(hold.reservationId())).isZero();
    assertThat(reservationStatusInDb(hold.reservationId())).isEqualTo("HELD");
    assertThat(balanceInDb(hold.userId())).isEqualTo(30_000);
  }

  @Test
  void commandForAnUnknownReservationLandsOnTheDeadLetterTopicWithTheReason() throws Exception {
    long userId = newUser(30_000);
    long reservationId = unknownId();
    String paymentTxId = newPaymentTxId("kafka-unknown");
    String key = userId + "-unknown";
    String command =
        """
        {"paymentTxId": "%s", "userId": %d, "reservationId": %d}"""
            .formatted(paymentTxId, userId, reservationId);

    RecordMetadata sent = inbound.send(key, command, Map.of());

    ConsumerRecord<String, String> dead = inbound.awaitDeadLetter(key);
    inbound.awaitListenerPast(sent);
    assertThat(inbound.deadLetters(key)).hasSize(1);
    assertThat(dead.value()).isEqualTo(command);
    assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(REJECTED);
    assertThat(header(dead, "kafka_dlt-exception-message"))
        .contains(paymentTxId)
        .contains("reservation " + reservationId + " does not exist");
    assertThat(paymentRows(paymentTxId)).isZero();
    assertThat(balanceInDb(userId)).isEqualTo(30_000);
  }
}
