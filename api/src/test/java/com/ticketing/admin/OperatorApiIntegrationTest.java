package com.ticketing.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.it.ApiClient.Response;
import com.ticketing.it.IntegrationTest;
import com.ticketing.it.SagaEventRecorder.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The operator API on the real stack: a reservation-service outage parks sagas in
 * NEEDS_ATTENTION, and operators list, inspect, retry and compensate them, with a reason that
 * the audit trail keeps; viewers only read.
 */
class OperatorApiIntegrationTest extends IntegrationTest {

  private static final String TOKEN_HEADER = "X-Operator-Token";
  private static final String TOKEN = "test-operator-token";
  private static final String VIEWER_TOKEN = "test-viewer-token";

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

    Response retried = decide(parked.paymentTxId(), "retry", "reservation service is back");

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

    Response compensated = decide(parked.paymentTxId(), "compensate", "the buyer asked for a refund");

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

    Response retry = decide(paymentTxId, "retry", "try it");
    Response compensate = decide(paymentTxId, "compensate", "give up");
    Response unknown = decide("no-such-saga", "retry", "try it");

    assertThat(retry.status()).isEqualTo(409);
    assertThat(retry.body().path("detail").asString()).contains("retry refused");
    assertThat(compensate.status()).isEqualTo(409);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(ledgerOf(paymentTxId)).containsExactly(new LedgerRow("DEBIT", hold.userId(), 2_000));
    assertThat(api.payment(paymentTxId).body().path("status").asString()).isEqualTo("SUCCESS");
  }

  @Test
  void aViewerReadsButCannotDecide() {
    Parked parked = parkOnConfirm("ops-viewer");

    Response list = viewer("GET", "/api/admin/sagas");
    Response inspect = viewer("GET", "/api/admin/sagas/" + parked.paymentTxId());
    Response reconciliation = viewer("GET", "/api/admin/reconciliation");
    Response audit = viewer("GET", "/api/admin/audit");
    Response decision =
        api.sendJson(
            "POST", "/api/admin/sagas/" + parked.paymentTxId() + "/compensate", "{\"reason\": \"viewer tries\"}",
            TOKEN_HEADER, VIEWER_TOKEN);

    assertThat(List.of(list.status(), inspect.status(), reconciliation.status(), audit.status()))
        .containsOnly(200);
    assertThat(decision.status()).isEqualTo(403);
    assertThat(decision.contentType()).startsWith("application/problem+json");
    assertThat(auditRows(parked.paymentTxId())).isZero();
    assertThat(api.payment(parked.paymentTxId()).body().path("status").asString()).isEqualTo("NEEDS_ATTENTION");
  }

  @Test
  void aDecisionWithoutAReasonIsRefusedAndChangesNothing() {
    Parked parked = parkOnConfirm("ops-no-reason");
    String path = "/api/admin/sagas/" + parked.paymentTxId() + "/compensate";

    Response noBody = operator("POST", path);
    Response blank = api.sendJson("POST", path, "{\"reason\": \"  \"}", TOKEN_HEADER, TOKEN);

    assertThat(noBody.status()).isEqualTo(400);
    assertThat(blank.status()).isEqualTo(400);
    assertThat(noBody.body().path("title").asString()).isEqualTo("Reason required");
    assertThat(auditRows(parked.paymentTxId())).isZero();
    assertThat(ledgerOf(parked.paymentTxId()))
        .containsExactly(new LedgerRow("DEBIT", parked.hold().userId(), parked.hold().price()));
    assertThat(operator("GET", "/api/admin/sagas/" + parked.paymentTxId()).body().path("live").path("status").asString())
        .isEqualTo("NEEDS_ATTENTION");
  }

  @Test
  void everyDecisionAcceptedOrRefusedIsAudited() {
    Parked parked = parkOnConfirm("ops-audit");
    String multiLineReason = "ticket 4711:\nbuyer asked for a refund";

    Response compensated =
        api.sendJson(
            "POST", "/api/admin/sagas/" + parked.paymentTxId() + "/compensate",
            "{\"reason\": \"ticket 4711:\\nbuyer asked for a refund\"}", TOKEN_HEADER, TOKEN);
    awaitFinal(parked.paymentTxId());
    Response refusedRetry = decide(parked.paymentTxId(), "retry", "too late");
    Response unknown = decide("ops-audit-unknown-" + parked.paymentTxId().substring(0, 8), "retry", "which one?");

    assertThat(List.of(compensated.status(), refusedRetry.status(), unknown.status())).containsExactly(202, 409, 404);
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT decision, reason, actor, result, detail, decided_at FROM operator_audit"
                + " WHERE payment_tx_id = ? ORDER BY id",
            parked.paymentTxId());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsEntry("decision", "compensate")
        .containsEntry("reason", multiLineReason)
        .containsEntry("actor", "token:operator")
        .containsEntry("result", "accepted");
    assertThat(rows.get(1))
        .containsEntry("decision", "retry")
        .containsEntry("reason", "too late")
        .containsEntry("result", "refused");
    assertThat(rows).allSatisfy(row -> assertThat(row.get("decided_at")).isNotNull());
    assertThat(jdbc.queryForObject(
            "SELECT result FROM operator_audit WHERE payment_tx_id LIKE 'ops-audit-unknown-%' ORDER BY id DESC LIMIT 1",
            String.class))
        .isEqualTo("not_found");

    JsonNode inspected = operator("GET", "/api/admin/sagas/" + parked.paymentTxId()).body().path("decisions");
    assertThat(inspected).hasSize(2);
    assertThat(inspected.get(0).path("decision").asString()).isEqualTo("retry");
    assertThat(inspected.get(1).path("reason").asString()).isEqualTo(multiLineReason);

    JsonNode newest = viewer("GET", "/api/admin/audit?limit=2").body();
    assertThat(newest).hasSize(2);
    assertThat(newest.get(0).path("result").asString()).isEqualTo("not_found");
    assertThat(newest.get(1).path("paymentTxId").asString()).isEqualTo(parked.paymentTxId());
    assertThat(newest.get(1).path("decision").asString()).isEqualTo("retry");
    assertThat(newest.get(1).path("actor").asString()).isEqualTo("token:operator");
    assertThat(newest.get(1).path("at").asString()).isNotBlank();
    assertThat(viewer("GET", "/api/admin/audit?limit=0").status()).isEqualTo(400);
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

  private Response viewer(String method, String path) {
    return api.send(method, path, TOKEN_HEADER, VIEWER_TOKEN);
  }

  private Response decide(String paymentTxId, String decision, String reason) {
    return api.sendJson(
        "POST", "/api/admin/sagas/" + paymentTxId + "/" + decision, "{\"reason\": \"" + reason + "\"}", TOKEN_HEADER, TOKEN);
  }

  private int auditRows(String paymentTxId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM operator_audit WHERE payment_tx_id = ?", Integer.class, paymentTxId);
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
