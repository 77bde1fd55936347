package com.ticketing.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.ticketing.events.CloudEventHeaders;
import com.ticketing.events.SagaEvent;
import com.ticketing.events.SagaEventType;
import com.ticketing.it.IntegrationTest;
import com.ticketing.it.SagaEventRecorder.Message;
import com.ticketing.outbox.OutboxEntry;
import com.ticketing.outbox.SagaOutbox;
import com.ticketing.saga.PaymentRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.LongStream;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The event contract on the wire: CloudEvents headers and a gapless per-saga sequence. */
class EventContractIntegrationTest extends IntegrationTest {

  @Autowired private SagaOutbox outbox;
  @Autowired private TransactionTemplate transactions;

  @Test
  void aCompensatedSagasEventsCarryCloudEventHeadersAndAreNumberedOneToNInTheOrderWritten() {
    chaos.setConfirmFailureRate(1.0);
    Hold hold = holdNewSeat(30_000, 7_000);
    String paymentTxId = newPaymentTxId("contract");

    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);
    awaitFinal(paymentTxId);
    List<Message> published =
        events.awaitEvents(paymentTxId, "payment.try", "payment.success", "reservation.failure", "payment.cancel");

    // Four topics: sorted by sequence, the events read as the saga wrote them.
    assertThat(published.stream().sorted(Comparator.comparingLong(Message::sequence)))
        .extracting(Message::topic, Message::sequence)
        .containsExactly(
            tuple("payment.try", 1L),
            tuple("payment.success", 2L),
            tuple("reservation.failure", 3L),
            tuple("payment.cancel", 4L));
    assertThat(published)
        .allSatisfy(
            event -> {
              assertThat(event.headers())
                  .containsEntry("ce_specversion", "1.0")
                  .containsEntry("ce_id", event.eventId())
                  .containsEntry("ce_type", "com.ticketing." + event.topic())
                  .containsEntry("ce_source", "/ticketing/payment-saga")
                  .containsEntry("ce_subject", paymentTxId)
                  .containsEntry("ce_time", event.value().path("occurredAt").asString())
                  .containsEntry("content-type", "application/json");
              assertThat(event.value().path("eventName").asString()).isEqualTo(event.topic());
            });
    assertThat(lastEventSequence(paymentTxId)).isEqualTo(4);
  }

  @Test
  void anEventSentAgainCarriesTheSameHeadersBecauseTheyAreReadFromItsOutboxRow() {
    Hold hold = holdNewSeat(20_000, 3_000);
    String paymentTxId = newPaymentTxId("contract-resend");
    api.pay(hold.userId(), hold.reservationId(), paymentTxId);
    List<Message> published = events.awaitEvents(paymentTxId, "payment.try", "payment.success", "reservation.success");

    for (Message event : published) {
      OutboxEntry row = outboxRow(event.eventId());
      assertThat(JsonMapper.shared().readTree(row.payload())).as("what a resend sends").isEqualTo(event.value());
      assertThat(event.headers())
          .as("the headers of %s, and of any resend", event.eventId())
          .containsAllEntriesOf(headerMap(CloudEventHeaders.of(row)));
    }
  }

  @Test
  void aRepeatedEventKeepsItsNumberAndConcurrentAppendsOfOneSagaTakeTheNextNumbersWithoutGaps() throws Exception {
    Hold hold = holdNewSeat(20_000, 3_000);
    String paymentTxId = newPaymentTxId("contract-append");
    api.pay(hold.userId(), hold.reservationId(), paymentTxId);
    events.awaitEvents(paymentTxId, "reservation.success");
    awaitFinal(paymentTxId);
    int before = lastEventSequence(paymentTxId);
    PaymentRequest request = requestFor(hold, paymentTxId);
    SagaEvent success = new SagaEvent(SagaEventType.PAYMENT_SUCCESS, request, System.currentTimeMillis(), null, null);
    SagaEvent repeatA = new SagaEvent(SagaEventType.RESERVATION_SUCCESS, request, System.currentTimeMillis(), null, null);
    SagaEvent newA = new SagaEvent(SagaEventType.PAYMENT_RETRY, request, System.currentTimeMillis(), 7, "test: appended");
    SagaEvent newB = new SagaEvent(SagaEventType.PAYMENT_RETRY, request, System.currentTimeMillis(), 8, "test: appended");

    // A repeat (a step whose answer was lost runs again) is kept as first written.
    appendInOwnTransaction(List.of(success, repeatA));
    assertThat(lastEventSequence(paymentTxId)).isEqualTo(before);

    // Two attempts at once, each with a new event and a repeat of the other's: one waits for the other.
    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> appendTogether(together, List.of(newA, newB)));
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> appendTogether(together, List.of(newB, newA)));
    CompletableFuture.allOf(first, second).get();

    assertThat(lastEventSequence(paymentTxId)).isEqualTo(before + 2);
    assertThat(jdbc.queryForList(
            "SELECT event_sequence FROM saga_outbox WHERE payment_tx_id = ? ORDER BY event_sequence", Long.class, paymentTxId))
        .containsExactlyElementsOf(
            LongStream.rangeClosed(1, before + 2).boxed().toList());
    List<Long> sent =
        await("both appended events on Kafka")
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> events.of(paymentTxId).stream().filter(m -> m.topic().equals("payment.retry")).map(Message::sequence).toList(),
                sequences -> sequences.size() >= 2);
    assertThat(sent).containsExactlyInAnyOrder((long) before + 1, (long) before + 2);
  }

  private void appendTogether(CyclicBarrier together, List<SagaEvent> events) {
    transactions.executeWithoutResult(
        status -> {
          try {
            together.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          outbox.append(events);
        });
  }

  private void appendInOwnTransaction(List<SagaEvent> events) {
    transactions.executeWithoutResult(status -> outbox.append(events));
  }

  private int lastEventSequence(String paymentTxId) {
    return jdbc.queryForObject(
        "SELECT last_event_sequence FROM payment_transactions WHERE payment_tx_id = ?", Integer.class, paymentTxId);
  }

  private OutboxEntry outboxRow(String eventId) {
    return jdbc.queryForObject(
        "SELECT id, event_id, topic, message_key, payload, traceparent FROM saga_outbox WHERE event_id = ?",
        (row, i) -> new OutboxEntry(
            row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6)),
        eventId);
  }

  private static Map<String, String> headerMap(List<Header> headers) {
    Map<String, String> map = new LinkedHashMap<>();
    headers.forEach(h -> map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
    return map;
  }
}
