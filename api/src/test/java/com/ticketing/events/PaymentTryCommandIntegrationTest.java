package com.ticketing.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.it.IntegrationTest;
import com.ticketing.it.SagaEventRecorder.Message;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** The inbound side of the bridge: a payment.try command produced by another system. */
class PaymentTryCommandIntegrationTest extends IntegrationTest {

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
    inbound.awaitListenerPast(second);
    assertPaidOnce(paymentTxId, hold, 49_000);
  }

  @Test
  void sagasOwnPaymentTryEventIsSkippedByTheListener() {
    Hold hold = holdNewSeat(40_000, 8_000);
    String paymentTxId = newPaymentTxId("own-event");
    double skippedBefore = counters.count("skipped_own_event");
    double joinedBefore = counters.count("joined");

    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);

    assertPaidOnce(paymentTxId, hold, 32_000);
    Message ownEvent =
        events.of(paymentTxId).stream().filter(m -> m.topic().equals("payment.try")).findFirst().orElseThrow();
    inbound.awaitListenerPast(ownEvent.topic(), ownEvent.partition(), ownEvent.offset());
    assertThat(counters.count("skipped_own_event")).isGreaterThan(skippedBefore);
    assertThat(counters.count("joined")).isEqualTo(joinedBefore);
  }

  /** A bare command, keyed like the saga's events so that one seat's messages stay in order. */
  private RecordMetadata sendCommand(Hold hold, String paymentTxId) throws Exception {
    String command =
        """
        {"paymentTxId": "%s", "userId": %d, "reservationId": %d}"""
            .formatted(paymentTxId, hold.userId(), hold.reservationId());
    return inbound.send(hold.userId() + "-" + hold.seatId(), command, Map.of());
  }
}
