package com.ticketing.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.events.OutboxRelay;
import com.ticketing.saga.SagaState;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Each rule of the reconciliation, broken on purpose with SQL (and undone afterwards): the report
 * names the broken rule and the payment, user or seat, and no other rule about them.
 */
class ReconciliationRulesIntegrationTest extends BooksIntegrationTest {

  @Autowired private WorkflowClient workflowClient;
  @Autowired private ReconciliationService reconciliation;
  @Autowired private OutboxRelay relay;

  @Test
  void reportsARefundWithoutADebit() {
    long userId = newUser(10_000);
    String paymentTxId = newPaymentTxId("recon-lone-refund");
    try (Tampering tamper = new Tampering(jdbc)) {
      tamper.ledger(paymentTxId, userId, "REFUND", 3_000);

      JsonNode report = report();

      assertThat(rulesAbout(report, payments(paymentTxId).and("user " + userId))).containsExactly("ledger-shape");
      assertThat(violationsAbout(report, payments(paymentTxId)))
          .singleElement()
          .satisfies(violation -> assertThat(violation.path("detail").asString()).contains("without a DEBIT"));
    }
  }

  @Test
  void reportsARefundThatDiffersFromItsDebit() {
    long userId = newUser(10_000);
    String paymentTxId = newPaymentTxId("recon-short-refund");
    try (Tampering tamper = new Tampering(jdbc)) {
      tamper.ledger(paymentTxId, userId, "DEBIT", 3_000);
      tamper.ledger(paymentTxId, userId, "REFUND", 2_000);

      JsonNode report = report();

      assertThat(rulesAbout(report, payments(paymentTxId).and("user " + userId))).containsExactly("ledger-shape");
      assertThat(violationsAbout(report, payments(paymentTxId)).get(0).path("detail").asString())
          .isEqualTo("a REFUND of 2000 points for a DEBIT of 3000 points");
    }
  }

  @Test
  void reportsAConfirmedSeatPaidWithLessThanItsPrice() {
    long userId = newUser(10_000);
    long seatId = newSeat(5_000);
    String paymentTxId = newPaymentTxId("recon-underpaid");
    try (Tampering tamper = new Tampering(jdbc)) {
      long reservationId = tamper.reservation(userId, seatId, 5_000, "CONFIRMED", paymentTxId);
      tamper.payment(paymentTxId, userId, seatId, reservationId, 5_000, "SUCCESS");
      tamper.ledger(paymentTxId, userId, "DEBIT", 4_000);

      JsonNode report = report();

      assertThat(rulesAbout(report, payments(paymentTxId).and("user " + userId, "seat " + seatId)))
          .containsExactly("confirmed-seat-paid-once");
      assertThat(violationsAbout(report, payments(paymentTxId)).get(0).path("detail").asString())
          .isEqualTo("reservation " + reservationId + " (seat " + seatId
              + ") is CONFIRMED with a DEBIT of 4000 points for a price of 5000");
    }
  }

  @Test
  void reportsACancelWithoutItsRefund() {
    long userId = newUser(10_000);
    long seatId = newSeat(5_000);
    String paymentTxId = newPaymentTxId("recon-unrefunded-cancel");
    try (Tampering tamper = new Tampering(jdbc)) {
      long reservationId = tamper.reservation(userId, seatId, 5_000, "CANCELLED", paymentTxId);
      tamper.payment(paymentTxId, userId, seatId, reservationId, 5_000, "CANCEL");
      tamper.ledger(paymentTxId, userId, "DEBIT", 5_000);

      JsonNode report = report();

      assertThat(rulesAbout(report, payments(paymentTxId).and("user " + userId, "seat " + seatId)))
          .containsExactly("cancel-means-refunded");
    }
  }

  @Test
  void reportsAFailureThatKeptItsDebit() {
    long userId = newUser(10_000);
    long seatId = newSeat(5_000);
    String paymentTxId = newPaymentTxId("recon-failure-debit");
    try (Tampering tamper = new Tampering(jdbc)) {
      long reservationId = tamper.reservation(userId, seatId, 5_000, "CANCELLED", null);
      tamper.payment(paymentTxId, userId, seatId, reservationId, 5_000, "FAILURE");
      tamper.ledger(paymentTxId, userId, "DEBIT", 5_000);

      JsonNode report = report();

      assertThat(rulesAbout(report, payments(paymentTxId).and("user " + userId, "seat " + seatId)))
          .containsExactly("failure-means-no-net-debit");
    }
  }

  @Test
  void reportsABalanceChangedBehindTheLedgersBack() {
    long userId = newUser(10_000);
    try (Tampering tamper = new Tampering(jdbc)) {
      tamper.balance(userId, 12_345);

      JsonNode report = report();

      List<JsonNode> aboutUser = violationsAbout(report, payments().and("user " + userId));
      assertThat(aboutUser).singleElement().satisfies(violation -> {
        assertThat(violation.path("rule").asString()).isEqualTo("balance-matches-ledger");
        assertThat(violation.path("paymentTxId").isNull()).isTrue();
        assertThat(violation.path("detail").asString())
            .isEqualTo("user " + userId + " has a balance of 12345 points, the ledger says 10000"
                + " (granted 10000 - debited 0 + refunded 0)");
      });
    }
  }

  @Test
  void reportsASeatWithTwoLiveReservations() {
    long userId = newUser(10_000);
    long seatId = newSeat(5_000);
    try (Tampering tamper = new Tampering(jdbc)) {
      tamper.reservation(userId, seatId, 5_000, "HELD", null);
      // The unique live-seat key allows a second live reservation only without active_seat_id.
      long second = tamper.reservation(userId, seatId, null, 5_000, "HELD", null);

      JsonNode report = report();

      assertThat(rulesAbout(report, payments().and("user " + userId, "seat " + seatId)))
          .containsExactly("one-live-reservation-per-seat");
      assertThat(violationsAbout(report, payments().and("seat " + seatId)))
          .extracting(violation -> violation.path("detail").asString())
          .anySatisfy(detail ->
              assertThat(detail).startsWith("seat " + seatId + " has 2 reservations HELD or CONFIRMED"))
          .anySatisfy(detail -> assertThat(detail)
              .isEqualTo("reservation " + second + " of seat " + seatId + " is HELD with active_seat_id NULL"));
    }
  }

  @Test
  void reportsAFinalSagaThatLeftItsSeatHeld() {
    long userId = newUser(10_000);
    long seatId = newSeat(5_000);
    String paymentTxId = newPaymentTxId("recon-left-held");
    try (Tampering tamper = new Tampering(jdbc)) {
      long reservationId = tamper.reservation(userId, seatId, 5_000, "HELD", paymentTxId);
      tamper.payment(paymentTxId, userId, seatId, reservationId, 5_000, "FAILURE");

      JsonNode report = report();

      assertThat(rulesAbout(report, payments(paymentTxId).and("user " + userId, "seat " + seatId)))
          .containsExactly("final-saga-left-seat-held");
    }
  }

  @Test
  void reportsAnUnsettledPaymentThatHoldsItsDebitWithoutTheSeatPastTheGrace() {
    Hold hold = holdNewSeat(10_000, 4_000);
    String paymentTxId = parkOnConfirm(hold, "recon-debit-no-seat");
    Subjects subjects = payments(paymentTxId).and("user " + hold.userId(), "seat " + hold.seatId());
    try (Tampering tamper = new Tampering(jdbc)) {
      assertThat(rulesAbout(report(), subjects)).as("parked for less than the grace").isEmpty();

      tamper.paymentUnchangedFor(paymentTxId, DebitWithoutSeatRule.STALE_MINUTES + 1);
      JsonNode report = report();

      assertThat(rulesAbout(report, subjects)).containsExactly("debit-without-seat");
      assertThat(violationsAbout(report, subjects).get(0).path("detail").asString())
          .startsWith("the NEEDS_ATTENTION payment holds a DEBIT of 4000 points without its seat CONFIRMED (reservation "
              + hold.reservationId() + ")");
    } finally {
      settle(paymentTxId);
    }
  }

  @Test
  void reportsAPaidHoldThatBlocksItsSeatPastItsExpiry() {
    long userId = newUser(10_000);
    long seatId = newSeat(5_000);
    String paymentTxId = newPaymentTxId("recon-paid-hold");
    try (Tampering tamper = new Tampering(jdbc)) {
      long reservationId = tamper.reservation(userId, seatId, 5_000, "HELD", paymentTxId);
      tamper.payment(paymentTxId, userId, seatId, reservationId, 5_000, "PROCESSING");
      Subjects subjects = payments(paymentTxId).and("user " + userId, "seat " + seatId);
      assertThat(rulesAbout(report(), subjects)).as("before its expiry").isEmpty();

      tamper.reservationExpiredFor(reservationId, PaidHoldPastExpiryRule.STALE_MINUTES + 1);
      JsonNode report = report();

      assertThat(rulesAbout(report, subjects)).containsExactly("paid-hold-past-expiry");
      assertThat(violationsAbout(report, subjects).get(0).path("detail").asString())
          .startsWith("reservation " + reservationId + " (seat " + seatId + ") is HELD and paid by a PROCESSING payment");
    }
  }

  @Test
  void reportsAnEventTheRelayHasNotSentForFiveMinutes() {
    String fresh = newPaymentTxId("recon-unsent-fresh");
    String stale = newPaymentTxId("recon-unsent-stale");
    relay.stop();
    try (Tampering tamper = new Tampering(jdbc)) {
      tamper.unsentEvent(fresh, "payment.try", 0);
      tamper.unsentEvent(stale, "payment.try", OutboxUnsentRule.STALE_MINUTES + 1);

      JsonNode report = report();

      assertThat(rulesAbout(report, payments(fresh))).isEmpty();
      assertThat(rulesAbout(report, payments(stale))).containsExactly("outbox-unsent");
      assertThat(violationsAbout(report, payments(stale)).get(0).path("detail").asString())
          .startsWith("event " + stale + ":payment.try (payment.try) written at ");
    } finally {
      relay.start();
    }
  }

  @Test
  void reportsAnUnsettledSagaWhoseWorkflowWasTerminated() {
    Hold hold = holdNewSeat(10_000, 4_000);
    String paymentTxId = parkOnConfirm(hold, "recon-terminated");
    Subjects subjects = payments(paymentTxId).and("user " + hold.userId(), "seat " + hold.seatId());
    try (Tampering tamper = new Tampering(jdbc)) {
      tamper.paymentUnchangedFor(paymentTxId, 2);
      assertThat(rulesAbout(report(), subjects)).as("parked, its workflow waiting for an operator").isEmpty();

      workflowClient.newUntypedWorkflowStub(paymentTxId).terminate("an operator terminated it in the Web UI");
      JsonNode report = report();

      assertThat(rulesAbout(report, subjects)).containsExactly("open-saga-workflow-closed");
      assertThat(violationsAbout(report, subjects).get(0).path("detail").asString())
          .isEqualTo("the saga has not settled and its workflow is TERMINATED: nothing will settle it but an operator");
      assertThat(report.path("openSagasChecked").asInt()).isPositive();
      assertThat(report.path("openSagasNotChecked").asInt()).isZero();
    }
  }

  /** Pays for the hold while the reservation service is down; returns once the saga is parked. */
  private String parkOnConfirm(Hold hold, String label) {
    chaos.setReservationOutage(true);
    String paymentTxId = newPaymentTxId(label);
    try {
      assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);
      await("saga " + paymentTxId + " to park")
          .atMost(SAGA_DEADLINE)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> api.payment(paymentTxId).body().path("status").asString(), "NEEDS_ATTENTION"::equals);
    } finally {
      chaos.setReservationOutage(false);
    }
    return paymentTxId;
  }

  /** An operator's retry, once the outage is over: the saga confirms its seat. */
  private void settle(String paymentTxId) {
    api.sendJson("POST", "/api/admin/sagas/" + paymentTxId + "/retry", "{\"reason\": \"test done\"}", TOKEN_HEADER, TOKEN);
    awaitFinal(paymentTxId);
  }

  @Test
  void reportsARowThatContradictsItsCompletedWorkflow() throws Exception {
    chaos.setConfirmFailureRate(1.0);
    Hold hold = holdNewSeat(10_000, 4_000);
    String paymentTxId = newPaymentTxId("recon-contradicted");
    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);
    awaitFinal(paymentTxId);
    assertThat(awaitCompletedWorkflow(paymentTxId).status().name()).isEqualTo("CANCEL");
    try (Tampering tamper = new Tampering(jdbc)) {
      // DEBIT+REFUND and a released seat fit a FAILURE too, so only the workflow can tell.
      tamper.paymentStatus(paymentTxId, "FAILURE");

      JsonNode report = report();

      Subjects subjects = payments(paymentTxId).and("user " + hold.userId(), "seat " + hold.seatId());
      assertThat(rulesAbout(report, subjects)).containsExactly("row-matches-workflow");
      assertThat(violationsAbout(report, subjects).get(0).path("detail").asString())
          .isEqualTo("the row says FAILURE, its completed workflow returned CANCEL without a confirmed seat");
      assertThat(report.path("workflowsChecked").asInt()).isPositive();
    }
  }

  @Test
  void skipsAFinalRowWhoseWorkflowTemporalDoesNotKnow() {
    long userId = newUser(10_000);
    long seatId = newSeat(5_000);
    String paymentTxId = newPaymentTxId("recon-no-workflow");
    try (Tampering tamper = new Tampering(jdbc)) {
      long reservationId = tamper.reservation(userId, seatId, 5_000, "CANCELLED", paymentTxId);
      tamper.payment(paymentTxId, userId, seatId, reservationId, 5_000, "CANCEL");
      tamper.ledger(paymentTxId, userId, "DEBIT", 5_000);
      tamper.ledger(paymentTxId, userId, "REFUND", 5_000);

      JsonNode report = report();

      assertThat(violationsAbout(report, payments(paymentTxId).and("user " + userId, "seat " + seatId))).isEmpty();
      assertThat(report.path("workflowsSkipped").asInt()).isPositive();
    }
  }

  @Test
  void looksUpAtMostTheLimitOfWorkflows() {
    long userId = newUser(10_000);
    long seatId = newSeat(5_000);
    String paymentTxId = newPaymentTxId("recon-limit");
    try (Tampering tamper = new Tampering(jdbc)) {
      long reservationId = tamper.reservation(userId, seatId, 5_000, "CANCELLED", null);
      tamper.payment(paymentTxId, userId, seatId, reservationId, 5_000, "FAILURE");

      ReconciliationReport one = reconciliation.reconcile(1);
      ReconciliationReport none = reconciliation.reconcile(0);

      assertThat(one.workflowsChecked() + one.workflowsSkipped()).isEqualTo(1);
      assertThat(none.workflowsChecked() + none.workflowsSkipped()).isZero();
      assertThat(one.sagasChecked()).isPositive();
    }
  }

  private SagaState awaitCompletedWorkflow(String paymentTxId) throws Exception {
    return workflowClient
        .newUntypedWorkflowStub(paymentTxId)
        .getResult(SAGA_DEADLINE.toSeconds(), TimeUnit.SECONDS, SagaState.class);
  }
}
