package com.ticketing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.it.ApiClient.Response;
import com.ticketing.it.IntegrationTest;
import com.ticketing.it.SagaEventRecorder.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The saga end to end: REST in, the saga on Temporal, points and seats in MariaDB, events on Kafka. */
class PaymentSagaIntegrationTest extends IntegrationTest {

  @Test
  void holdPayPollCompletesWithDebitAndEvents() {
    long userId = newUser(50_000);
    long seatId = newSeat(12_000);

    Response held = api.hold(userId, seatId);
    assertThat(held.status()).isEqualTo(201);
    assertThat(held.body().path("status").asString()).isEqualTo("HELD");
    assertThat(held.body().path("userId").asLong()).isEqualTo(userId);
    assertThat(held.body().path("seatId").asLong()).isEqualTo(seatId);
    assertThat(held.body().path("amount").asLong()).isEqualTo(12_000);
    assertThat(Instant.parse(held.body().path("expiresAt").asString())).isAfter(Instant.now());
    long reservationId = held.body().path("reservationId").asLong();
    assertThat(reservationStatusInDb(reservationId)).isEqualTo("HELD");
    assertThat(jdbc.queryForObject(
            "SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(6), expires_at) FROM reservations WHERE id = ?",
            Long.class,
            reservationId))
        .as("seconds the stored hold has left, in UTC")
        .isBetween(240L, 300L);

    String paymentTxId = newPaymentTxId("happy");
    Response accepted = api.pay(userId, reservationId, paymentTxId);
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.body().path("paymentTxId").asString()).isEqualTo(paymentTxId);
    assertThat(accepted.body().path("status").asString()).isEqualTo("PROCESSING");

    JsonNode done = awaitFinal(paymentTxId);
    assertThat(done.path("status").asString()).isEqualTo("SUCCESS");
    assertThat(done.path("reservationStatus").asString()).isEqualTo("CONFIRMED");
    assertThat(done.path("retryCount").asInt()).isZero();
    assertThat(done.path("lastError").asString(null)).isNull();
    assertThat(done.path("reservationId").asLong()).isEqualTo(reservationId);
    assertThat(done.path("amount").asLong()).isEqualTo(12_000);

    assertThat(api.balance(userId)).isEqualTo(38_000);
    assertThat(balanceInDb(userId)).isEqualTo(38_000);
    assertThat(ledgerOf(paymentTxId)).containsExactly(new LedgerRow("DEBIT", userId, 12_000));
    assertThat(reservationStatusInDb(reservationId)).isEqualTo("CONFIRMED");
    assertThat(jdbc.queryForObject("SELECT paid_by_tx_id FROM reservations WHERE id = ?", String.class, reservationId))
        .isEqualTo(paymentTxId);

    List<Message> published =
        events.awaitEvents(paymentTxId, "payment.try", "payment.success", "reservation.success");
    assertThat(published)
        .extracting(Message::eventId)
        .containsExactlyInAnyOrder(
            paymentTxId + ":payment.try",
            paymentTxId + ":payment.success",
            paymentTxId + ":reservation.success");
    assertThat(published)
        .allSatisfy(
            event -> {
              assertThat(event.key()).isEqualTo(userId + "-" + seatId);
              assertThat(event.value().path("eventName").asString()).isEqualTo(event.topic());
              assertThat(event.eventId()).isEqualTo(paymentTxId + ":" + event.topic());
              JsonNode data = event.data();
              assertThat(data.path("paymentTxId").asString()).isEqualTo(paymentTxId);
              assertThat(data.path("reservationId").asLong()).isEqualTo(reservationId);
              assertThat(data.path("userId").asLong()).isEqualTo(userId);
              assertThat(data.path("seatId").asLong()).isEqualTo(seatId);
              assertThat(data.path("amount").asLong()).isEqualTo(12_000);
              assertThat(data.has("retryCount")).as("retryCount of %s", event.topic()).isFalse();
              assertThat(data.has("reason")).as("reason of %s", event.topic()).isFalse();
            });
    assertThat(
            occurredAtInOrder(
                published,
                paymentTxId + ":payment.try",
                paymentTxId + ":payment.success",
                paymentTxId + ":reservation.success"))
        .isSorted()
        .allSatisfy(at -> assertThat(at).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now()));
  }

  @Test
  void refundsPointsExactlyOnceWhenConfirmFails() {
    chaos.setConfirmFailureRate(1.0);
    Hold hold = holdNewSeat(30_000, 7_000);
    String paymentTxId = newPaymentTxId("compensated");

    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);

    JsonNode done = awaitFinal(paymentTxId);
    assertThat(done.path("status").asString()).isEqualTo("CANCEL");
    assertThat(done.path("reservationStatus").asString()).isEqualTo("CANCELLED");
    assertThat(done.path("lastError").asString()).contains("refused the confirmation");
    assertThat(api.balance(hold.userId())).isEqualTo(30_000);
    assertThat(balanceInDb(hold.userId())).isEqualTo(30_000);
    assertThat(ledgerOf(paymentTxId))
        .containsExactly(
            new LedgerRow("DEBIT", hold.userId(), 7_000), new LedgerRow("REFUND", hold.userId(), 7_000));
    assertThat(reservationStatusInDb(hold.reservationId())).isEqualTo("CANCELLED");

    List<Message> published =
        events.awaitEvents(paymentTxId, "payment.try", "payment.success", "reservation.failure", "payment.cancel");
    assertThat(published)
        .extracting(Message::eventId)
        .containsExactlyInAnyOrder(
            paymentTxId + ":payment.try",
            paymentTxId + ":payment.success",
            paymentTxId + ":reservation.failure",
            paymentTxId + ":payment.cancel");
    assertThat(published).allSatisfy(event -> assertThat(event.key()).isEqualTo(hold.userId() + "-" + hold.seatId()));
    assertThat(only(published, "reservation.failure").data().path("reason").asString())
        .contains("refused the confirmation");
    assertThat(only(published, "payment.cancel").data().path("reason").asString())
        .contains("refused the confirmation");
  }

  @Test
  void failsWithoutRetryWhenPointsAreInsufficient() {
    Hold hold = holdNewSeat(5_000, 8_000);
    String paymentTxId = newPaymentTxId("poor");

    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);

    JsonNode done = awaitFinal(paymentTxId);
    assertThat(done.path("status").asString()).isEqualTo("FAILURE");
    assertThat(done.path("retryCount").asInt()).isZero();
    assertThat(done.path("lastError").asString()).contains("insufficient points");
    assertThat(ledgerOf(paymentTxId)).isEmpty();
    assertThat(balanceInDb(hold.userId())).isEqualTo(5_000);

    List<Message> published = events.awaitEvents(paymentTxId, "payment.try", "payment.failure");
    assertThat(published)
        .extracting(Message::eventId)
        .containsExactlyInAnyOrder(paymentTxId + ":payment.try", paymentTxId + ":payment.failure");
    JsonNode failure = only(published, "payment.failure").data();
    assertThat(failure.path("reason").asString()).contains("insufficient points");
    assertThat(failure.has("retryCount")).isFalse();
  }

  @Test
  void failsWhenHoldExpiredBeforePayment() {
    Hold hold = holdNewSeat(40_000, 9_000);
    jdbc.update(
        "UPDATE reservations SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE WHERE id = ?",
        hold.reservationId());
    String paymentTxId = newPaymentTxId("expired");

    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);

    JsonNode done = awaitFinal(paymentTxId);
    assertThat(done.path("status").asString()).isEqualTo("FAILURE");
    assertThat(done.path("retryCount").asInt()).isZero();
    assertThat(done.path("lastError").asString()).contains("expired");
    assertThat(ledgerOf(paymentTxId)).isEmpty();
    assertThat(balanceInDb(hold.userId())).isEqualTo(40_000);
    assertThat(events.awaitEvents(paymentTxId, "payment.failure"))
        .extracting(Message::topic)
        .containsExactlyInAnyOrder("payment.try", "payment.failure");
  }

  @Test
  void retriesThenFailsWhenPaymentKeepsFailing() {
    chaos.setPaymentFailureRate(1.0);
    Hold hold = holdNewSeat(20_000, 3_000);
    String paymentTxId = newPaymentTxId("flaky");
    List<JsonNode> polled = new CopyOnWriteArrayList<>();

    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);

    JsonNode done = awaitFinal(paymentTxId, polled::add);
    assertThat(polled.stream()
            .filter(view -> view.path("status").asString().equals("RETRYING"))
            .map(view -> view.path("retryCount").asInt())
            .distinct())
        .as("retry counts seen while RETRYING")
        .containsExactly(1, 2, 3);
    assertThat(done.path("status").asString()).isEqualTo("FAILURE");
    assertThat(done.path("retryCount").asInt()).isEqualTo(3);
    assertThat(done.path("lastError").asString())
        .startsWith("payment failed after 3 retries")
        .contains("payment gateway timed out");
    assertThat(ledgerOf(paymentTxId)).isEmpty();
    assertThat(balanceInDb(hold.userId())).isEqualTo(20_000);

    List<Message> published = events.awaitEvents(paymentTxId, "payment.failure");
    assertThat(published)
        .extracting(Message::eventId)
        .containsExactlyInAnyOrder(
            paymentTxId + ":payment.try",
            paymentTxId + ":payment.retry:1",
            paymentTxId + ":payment.retry:2",
            paymentTxId + ":payment.retry:3",
            paymentTxId + ":payment.failure");
    List<Message> retries = published.stream().filter(event -> event.topic().equals("payment.retry")).toList();
    assertThat(retries)
        .extracting(event -> event.data().path("retryCount").asInt())
        .containsExactlyInAnyOrder(1, 2, 3);
    assertThat(retries)
        .allSatisfy(event -> assertThat(event.data().path("reason").asString()).contains("payment gateway timed out"));
    assertThat(only(published, "payment.failure").data().path("retryCount").asInt()).isEqualTo(3);
    List<Instant> timeline =
        occurredAtInOrder(
            published,
            paymentTxId + ":payment.try",
            paymentTxId + ":payment.retry:1",
            paymentTxId + ":payment.retry:2",
            paymentTxId + ":payment.retry:3",
            paymentTxId + ":payment.failure");
    assertThat(timeline).as("try, retries 1-3, failure").isSorted();
    assertThat(timeline.get(4))
        .as("the failure comes after the 1 s + 2 s + 4 s of backoff")
        .isAfterOrEqualTo(timeline.get(0).plusSeconds(7));
  }

  @Test
  void concurrentDuplicateStartsDebitOnce() throws Exception {
    Hold hold = holdNewSeat(25_000, 4_000);
    String paymentTxId = newPaymentTxId("dup");
    List<Callable<Response>> callers =
        Collections.nCopies(8, () -> api.pay(hold.userId(), hold.reservationId(), paymentTxId));

    for (Response response : allAtOnce(callers)) {
      assertThat(response.status()).as("answer %s", response).isEqualTo(202);
      assertThat(response.body().path("paymentTxId").asString()).isEqualTo(paymentTxId);
      assertThat(response.body().path("status").asString()).isIn("PROCESSING", "SUCCESS");
    }

    assertPaidOnce(paymentTxId, hold, 21_000);
  }

  @Test
  void rivalPaymentsOfOneHoldDebitOnce() throws Exception {
    Hold hold = holdNewSeat(25_000, 6_000);
    List<String> rivals = List.of(newPaymentTxId("rival-a"), newPaymentTxId("rival-b"));

    List<Response> answers =
        allAtOnce(
            rivals.stream()
                .<Callable<Response>>map(tx -> () -> api.pay(hold.userId(), hold.reservationId(), tx))
                .toList());

    // A rival that arrives after the other confirmed the seat is refused at once; else it runs.
    assertThat(answers).extracting(Response::status).allSatisfy(status -> assertThat(status).isIn(202, 409));
    List<JsonNode> outcomes = new ArrayList<>();
    for (int i = 0; i < rivals.size(); i++) {
      if (answers.get(i).status() == 202) {
        outcomes.add(awaitFinal(rivals.get(i)));
      }
    }
    assertThat(outcomes).filteredOn(view -> view.path("status").asString().equals("SUCCESS")).hasSize(1);
    assertThat(outcomes)
        .filteredOn(view -> !view.path("status").asString().equals("SUCCESS"))
        .allSatisfy(
            view -> {
              assertThat(view.path("status").asString()).isEqualTo("FAILURE");
              assertThat(view.path("lastError").asString()).contains("already paid by payment");
            });
    String winner =
        outcomes.stream()
            .filter(view -> view.path("status").asString().equals("SUCCESS"))
            .map(view -> view.path("paymentTxId").asString())
            .findFirst()
            .orElseThrow();
    assertThat(ledgerOf(winner)).containsExactly(new LedgerRow("DEBIT", hold.userId(), 6_000));
    assertThat(ledgerRowsOfUser(hold.userId())).isEqualTo(1);
    assertThat(balanceInDb(hold.userId())).isEqualTo(19_000);
    assertThat(jdbc.queryForObject("SELECT paid_by_tx_id FROM reservations WHERE id = ?", String.class, hold.reservationId()))
        .isEqualTo(winner);
  }

  /** Runs the calls on as many threads, released together by one gate, and returns the answers in order. */
  private static List<Response> allAtOnce(List<Callable<Response>> calls) throws Exception {
    CountDownLatch ready = new CountDownLatch(calls.size());
    CountDownLatch gate = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (Callable<Response> call : calls) {
        answers.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  gate.await();
                  return call.call();
                }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).as("all callers ready").isTrue();
      gate.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> answer : answers) {
        responses.add(answer.get(30, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Message only(List<Message> published, String topic) {
    List<Message> onTopic = published.stream().filter(event -> event.topic().equals(topic)).toList();
    assertThat(onTopic).as("events on %s", topic).hasSize(1);
    return onTopic.get(0);
  }

  /** The occurredAt of each event, in the order of the eventIds asked for. */
  private static List<Instant> occurredAtInOrder(List<Message> published, String... eventIds) {
    return Arrays.stream(eventIds)
        .map(
            eventId ->
                published.stream()
                    .filter(event -> eventId.equals(event.eventId()))
                    .map(event -> Instant.parse(event.value().path("occurredAt").asString()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no event " + eventId)))
        .toList();
  }
}
