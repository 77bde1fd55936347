package com.ticketing.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.it.ApiClient.Response;
import com.ticketing.it.IntegrationTest;
import com.ticketing.it.SagaEventRecorder.Message;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The operator API on the real stack: a reservation-service outage parks sagas in
 * NEEDS_ATTENTION, and operators list, inspect, retry and compensate them.
 */
class OperatorApiIntegrationTest extends IntegrationTest {

  private static final String TOKEN_HEADER = "X-Operator-Token";
  private static final String TOKEN = "test-operator-token";

  @Test
  void refusesCallsWithoutTheOperatorToken() {
    Response missing = api.get("/api/admin/sagas");
    Response wrong = api.send("GET", "/api/admin/sagas", TOKEN_HEADER, "not-the-token");
    Response wrongDecision = api.send("POST", "/api/admin/sagas/any/retry", TOKEN_HEADER, "not-the-token");

    assertThat(missing.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrongDecision.status()).isEqualTo(403);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(wrong.body().path("title").asString()).isEqualTo("Operator token rejected");
  }

  @Test
  void listsAndInspectsASagaParkedByAnOutage() {
    Parked parked = parkOnConfirm("ops-list");

    Response list = operator("GET", "/api/admin/sagas?status=NEEDS_ATTENTION&olderThan=PT0S");
    assertThat(list.status()).isEqualTo(200);
    JsonNode listed = find(list.body(), parked.paymentTxId());
    assertThat(listed.path("stuckStep").asString()).isEqualTo("confirm-reservation");
    assertThat(listed.path("stepAttempts").asInt()).isEqualTo(4);
    assertThat(listed.path("lastError").asString()).contains("reservation service unavailable");
    assertThat(operator("GET", "/api/admin/sagas?status=NEEDS_ATTENTION&olderThan=PT1H").body())
        .noneMatch(saga -> saga.path("paymentTxId").asString().equals(parked.paymentTxId()));

    Response inspected = operator("GET", "/api/admin/sagas/" + parked.paymentTxId());
    assertThat(inspected.status()).isEqualTo(200);
    assertThat(inspected.body().path("row").path("status").asString()).isEqualTo("NEEDS_ATTENTION");
    assertThat(inspected.body().path("live").path("status").asString()).isEqualTo("NEEDS_ATTENTION");
    assertThat(inspected.body().path("live").path("stuckStep").asString()).isEqualTo("confirm-reservation");
    assertThat(StreamSupport.stream(inspected.body().path("steps").spliterator(), false)
            .map(step -> step.path("step").asString() + ":" + step.path("outcome").asString()))
        .contains("debit-points:done", "confirm-reservation:parked");
  }

  @Test
  void retryAfterTheOutageCompletesWithASingleDebit() {
    Parked parked = parkOnConfirm("ops-retry");
    chaos.setReservationOutage(false);

    Response retried = operator("POST", "/api/admin/sagas/" + parked.paymentTxId() + "/retry");

    assertThat(retried.status()).isEqualTo(202);
    JsonNode done = awaitFinal(parked.paymentTxId());
    assertThat(done.path("status").asString()).isEqualTo("SUCCESS");
    assertThat(done.path("reservationStatus").asString()).isEqualTo("CONFIRMED");
    assertThat(ledgerOf(parked.paymentTxId()))
        .containsExactly(new LedgerRow("DEBIT", parked.hold().userId(), parked.hold().price()));
    assertThat(balanceInDb(parked.hold().userId())).isEqualTo(BALANCE - parked.hold().price());
    assertThat(topics(events.awaitEvents(parked.paymentTxId(), "reservation.success")))
        .doesNotContain("payment.cancel", "reservation.failure");
  }

  @Test
  void compensateRefundsExactlyOnce() {
    Parked parked = parkOnConfirm("ops-compensate");

    Response compensated = operator("POST", "/api/admin/sagas/" + parked.paymentTxId() + "/compensate");

    assertThat(compensated.status()).isEqualTo(202);
    JsonNode done = awaitFinal(parked.paymentTxId());
    assertThat(done.path("status").asString()).isEqualTo("CANCEL");
    assertThat(done.path("reservationStatus").asString()).isEqualTo("CANCELLED");
    long price = parked.hold().price();
    assertThat(ledgerOf(parked.paymentTxId()))
        .containsExactly(
            new LedgerRow("DEBIT", parked.hold().userId(), price),
            new LedgerRow("REFUND", parked.hold().userId(), price));
    assertThat(balanceInDb(parked.hold().userId())).isEqualTo(BALANCE);
    assertThat(topics(events.awaitEvents(parked.paymentTxId(), "reservation.failure", "payment.cancel")))
        .doesNotContain("reservation.success");
  }

  @Test
  void refusesADecisionForASagaThatIsNotParked() {
    Hold hold = holdNewSeat(BALANCE, 2_000);
    String paymentTxId = newPaymentTxId("ops-done");
    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);
    awaitFinal(paymentTxId);

    Response retry = operator("POST", "/api/admin/sagas/" + paymentTxId + "/retry");
    Response compensate = operator("POST", "/api/admin/sagas/" + paymentTxId + "/compensate");
    Response unknown = operator("POST", "/api/admin/sagas/no-such-saga/retry");

    assertThat(retry.status()).isEqualTo(409);
    assertThat(retry.body().path("detail").asString()).contains("retry refused");
    assertThat(compensate.status()).isEqualTo(409);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(ledgerOf(paymentTxId)).containsExactly(new LedgerRow("DEBIT", hold.userId(), 2_000));
    assertThat(api.payment(paymentTxId).body().path("status").asString()).isEqualTo("SUCCESS");
  }

  private static final long BALANCE = 50_000;

  private record Parked(String paymentTxId, Hold hold) {}

  /** Pays for a new hold while the reservation service is down, and waits until the saga parks. */
  private Parked parkOnConfirm(String label) {
    chaos.setReservationOutage(true);
    Hold hold = holdNewSeat(BALANCE, 3_000);
    String paymentTxId = newPaymentTxId(label);
    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);
    await("saga " + paymentTxId + " to park")
        .atMost(SAGA_DEADLINE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api.payment(paymentTxId).body().path("status").asString(), "NEEDS_ATTENTION"::equals);
    return new Parked(paymentTxId, hold);
  }

  private Response operator(String method, String path) {
    return api.send(method, path, TOKEN_HEADER, TOKEN);
  }

  private static JsonNode find(JsonNode sagas, String paymentTxId) {
    return StreamSupport.stream(sagas.spliterator(), false)
        .filter(saga -> saga.path("paymentTxId").asString().equals(paymentTxId))
        .findFirst()
        .orElseThrow(() -> new AssertionError(paymentTxId + " not listed in " + sagas));
  }

  private static List<String> topics(List<Message> messages) {
    return messages.stream().map(Message::topic).toList();
  }
}
