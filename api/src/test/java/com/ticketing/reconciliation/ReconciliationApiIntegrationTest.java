package com.ticketing.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.it.ApiClient.Response;
import com.ticketing.saga.SagaState;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** GET /api/admin/reconciliation: behind the operator token, and quiet about sagas that went well. */
class ReconciliationApiIntegrationTest extends BooksIntegrationTest {

  @Autowired private WorkflowClient workflowClient;

  @Test
  void sagasRunThroughTheApiLeaveNoViolation() throws Exception {
    Hold paid = holdNewSeat(20_000, 6_000);
    String paidTxId = newPaymentTxId("recon-paid");
    assertThat(api.pay(paid.userId(), paid.reservationId(), paidTxId).status()).isEqualTo(202);
    assertThat(awaitFinal(paidTxId).path("status").asString()).isEqualTo("SUCCESS");

    chaos.setConfirmFailureRate(1.0);
    Hold cancelled = holdNewSeat(20_000, 7_000);
    String cancelledTxId = newPaymentTxId("recon-cancelled");
    assertThat(api.pay(cancelled.userId(), cancelled.reservationId(), cancelledTxId).status()).isEqualTo(202);
    assertThat(awaitFinal(cancelledTxId).path("status").asString()).isEqualTo("CANCEL");
    awaitCompletedWorkflow(paidTxId);
    awaitCompletedWorkflow(cancelledTxId);
    Instant before = Instant.now();

    JsonNode report = report();

    assertThat(violationsAbout(report, payments(paidTxId, cancelledTxId).and(
            "user " + paid.userId(), "seat " + paid.seatId(),
            "user " + cancelled.userId(), "seat " + cancelled.seatId())))
        .isEmpty();
    assertThat(Instant.parse(report.path("checkedAt").asString())).isBetween(before, Instant.now());
    assertThat(report.path("sagasChecked").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(report.path("workflowsChecked").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(report.path("violations").isArray()).isTrue();
  }

  @Test
  void refusesACallWithoutTheOperatorToken() {
    Response missing = api.get("/api/admin/reconciliation");
    Response wrong = api.send("GET", "/api/admin/reconciliation", TOKEN_HEADER, "not-the-token");

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(wrong.status()).isEqualTo(403);
  }

  private void awaitCompletedWorkflow(String paymentTxId) throws Exception {
    workflowClient
        .newUntypedWorkflowStub(paymentTxId)
        .getResult(SAGA_DEADLINE.toSeconds(), TimeUnit.SECONDS, SagaState.class);
  }
}
