package com.ticketing.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.embedded.EngineParts;
import com.ticketing.it.ApiClient.Response;
import com.ticketing.it.IntegrationTest;
import com.ticketing.it.SagaEventRecorder.Message;
import com.ticketing.saga.SagaState;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.ResetReapplyExcludeType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.ResetWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code temporal workflow reset} as operators use it on the real server (the test server has no
 * reset): a saga is reset to its first workflow task, so its new run replays every step against
 * the database, with the default reapply (signals and updates of the old run applied again) and
 * with both excluded. Money, seat, row and events must stay right: no second debit, a refund at
 * most once, the row only moving forward, no event for something that did not happen, and the
 * new run's result telling the row's story.
 */
class WorkflowResetIntegrationTest extends IntegrationTest {

  private static final long BALANCE = 50_000;
  private static final String OPERATOR = "test-operator-token";

  @Autowired private WorkflowClient workflowClient;

  @BeforeEach
  void onTheRealServer() {
    assumeThat(EngineParts.embeddedTemporal().isRealServer()).as("reset needs the real Temporal server").isTrue();
  }

  @AfterEach
  void faultsOff() {
    chaos.reset();
  }

  @Test
  void aParkedSagaResetWithItsOperatorDecisionReappliedPaysOnceAndConfirms() throws Exception {
    assertAParkedSagaResetPaysOnceAndConfirms(true);
  }

  @Test
  void aParkedSagaResetWithoutReapplyPaysOnceAndConfirms() throws Exception {
    assertAParkedSagaResetPaysOnceAndConfirms(false);
  }

  private void assertAParkedSagaResetPaysOnceAndConfirms(boolean reapply) throws Exception {
    chaos.setReservationOutage(true);
    Hold hold = holdNewSeat(BALANCE, 3_000);
    String paymentTxId = newPaymentTxId("reset-parked");
    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);
    awaitStatus(paymentTxId, "NEEDS_ATTENTION");
    // An operator's retry during the outage parks the saga again: the old run has an accepted update.
    assertThat(decide(paymentTxId, "retry").status()).isEqualTo(202);
    awaitStepAttemptsAbove(paymentTxId, 4);
    chaos.setReservationOutage(false);

    SagaState result = resetToFirstWorkflowTask(paymentTxId, reapply);

    assertThat(result.status().name()).isEqualTo("SUCCESS");
    assertThat(result.reservationConfirmed()).isTrue();
    JsonNode row = awaitFinal(paymentTxId);
    assertThat(row.path("status").asString()).isEqualTo("SUCCESS");
    assertThat(reservationStatusInDb(hold.reservationId())).isEqualTo("CONFIRMED");
    assertThat(ledgerOf(paymentTxId)).containsExactly(new LedgerRow("DEBIT", hold.userId(), hold.price()));
    assertThat(balanceInDb(hold.userId())).isEqualTo(BALANCE - hold.price());
    assertOneSequencePerEvent(
        events.awaitEvents(paymentTxId, "payment.try", "payment.success", "reservation.success"),
        "payment.try", "payment.success", "reservation.success");
    assertThat(violationsAbout(paymentTxId)).isEmpty();
  }

  @Test
  void aFailedSagaResetStaysFailedAndPublishesNothingNew() throws Exception {
    chaos.setPaymentFailureRate(1.0);
    Hold hold = holdNewSeat(BALANCE, 2_000);
    String paymentTxId = newPaymentTxId("reset-failed");
    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);
    assertThat(awaitFinal(paymentTxId).path("status").asString()).isEqualTo("FAILURE");
    List<Message> before = events.awaitEvents(paymentTxId, "payment.try", "payment.retry", "payment.failure");
    chaos.setPaymentFailureRate(0.0);

    SagaState result = resetToFirstWorkflowTask(paymentTxId, true);

    assertThat(result.status().name()).isEqualTo("FAILURE");
    assertThat(paymentStatusInDb(paymentTxId)).isEqualTo("FAILURE");
    assertThat(ledgerOf(paymentTxId)).isEmpty();
    assertThat(balanceInDb(hold.userId())).isEqualTo(BALANCE);
    events.awaitCaughtUp();
    assertThat(eventIds(events.of(paymentTxId))).isEqualTo(eventIds(before));
    assertThat(violationsAbout(paymentTxId)).isEmpty();
  }

  @Test
  void aCancelledSagaResetStaysCancelledWithItsOneRefund() throws Exception {
    chaos.setConfirmFailureRate(1.0);
    Hold hold = holdNewSeat(BALANCE, 4_000);
    String paymentTxId = newPaymentTxId("reset-cancelled");
    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);
    assertThat(awaitFinal(paymentTxId).path("status").asString()).isEqualTo("CANCEL");
    List<Message> before = events.awaitEvents(paymentTxId, "reservation.failure", "payment.cancel");
    chaos.setConfirmFailureRate(0.0);

    SagaState result = resetToFirstWorkflowTask(paymentTxId, true);

    assertThat(result.status().name()).as("the new run's result").isEqualTo("CANCEL");
    assertThat(paymentStatusInDb(paymentTxId)).isEqualTo("CANCEL");
    assertThat(ledgerOf(paymentTxId))
        .containsExactly(
            new LedgerRow("DEBIT", hold.userId(), hold.price()), new LedgerRow("REFUND", hold.userId(), hold.price()));
    assertThat(balanceInDb(hold.userId())).isEqualTo(BALANCE);
    assertThat(reservationStatusInDb(hold.reservationId())).isNotEqualTo("CONFIRMED");
    events.awaitCaughtUp();
    assertThat(eventIds(events.of(paymentTxId))).isEqualTo(eventIds(before));
    assertThat(violationsAbout(paymentTxId)).isEmpty();
  }

  /** Resets the saga to its first workflow task and returns the new run's result. */
  private SagaState resetToFirstWorkflowTask(String paymentTxId, boolean reapply) throws Exception {
    long firstTask =
        workflowClient.fetchHistory(paymentTxId).getEvents().stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)
            .mapToLong(HistoryEvent::getEventId)
            .findFirst()
            .orElseThrow();
    ResetWorkflowExecutionRequest.Builder reset =
        ResetWorkflowExecutionRequest.newBuilder()
            .setNamespace("default")
            .setWorkflowExecution(WorkflowExecution.newBuilder().setWorkflowId(paymentTxId))
            .setWorkflowTaskFinishEventId(firstTask)
            .setReason("test: reset as an operator would")
            .setRequestId(UUID.randomUUID().toString());
    if (!reapply) {
      reset
          .addResetReapplyExcludeTypes(ResetReapplyExcludeType.RESET_REAPPLY_EXCLUDE_TYPE_SIGNAL)
          .addResetReapplyExcludeTypes(ResetReapplyExcludeType.RESET_REAPPLY_EXCLUDE_TYPE_UPDATE);
    }
    String newRun =
        workflowClient.getWorkflowServiceStubs().blockingStub().resetWorkflowExecution(reset.build()).getRunId();
    return workflowClient
        .newUntypedWorkflowStub(paymentTxId, Optional.of(newRun), Optional.empty())
        .getResult(SAGA_DEADLINE.toSeconds(), TimeUnit.SECONDS, SagaState.class);
  }

  private void awaitStatus(String paymentTxId, String status) {
    await("saga " + paymentTxId + " to be " + status)
        .atMost(SAGA_DEADLINE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api.payment(paymentTxId).body().path("status").asString(), status::equals);
  }

  /** Parked again after a retry: the row counts the attempts of both budgets. */
  private void awaitStepAttemptsAbove(String paymentTxId, int attempts) {
    await("saga " + paymentTxId + " to park again")
        .atMost(SAGA_DEADLINE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> jdbc.queryForObject(
                "SELECT step_attempts FROM payment_transactions WHERE payment_tx_id = ? AND status = 'NEEDS_ATTENTION'",
                Integer.class, paymentTxId),
            stepAttempts -> stepAttempts != null && stepAttempts > attempts);
  }

  /** Each of the topics' events once by eventId, each eventId with one sequence, and no other topic. */
  private static void assertOneSequencePerEvent(List<Message> published, String... topics) {
    Map<String, List<Long>> sequences =
        published.stream()
            .collect(Collectors.groupingBy(Message::eventId, Collectors.mapping(Message::sequence, Collectors.toList())));
    assertThat(published.stream().map(Message::topic).distinct()).containsExactlyInAnyOrder(topics);
    sequences.forEach((eventId, seen) -> assertThat(seen.stream().distinct()).as("sequences of " + eventId).hasSize(1));
  }

  private static Set<String> eventIds(List<Message> published) {
    return published.stream().map(Message::eventId).collect(Collectors.toSet());
  }

  private Response decide(String paymentTxId, String decision) {
    return api.sendJson(
        "POST", "/api/admin/sagas/" + paymentTxId + "/" + decision, "{\"reason\": \"operator test\"}",
        "X-Operator-Token", OPERATOR);
  }

  private List<JsonNode> violationsAbout(String paymentTxId) {
    Response report = api.send("GET", "/api/admin/reconciliation", "X-Operator-Token", OPERATOR);
    assertThat(report.status()).as("reconciliation answer %s", report).isEqualTo(200);
    assertThat(report.body().path("workflowCheckError").isNull()).as("rows were compared with workflows").isTrue();
    return StreamSupport.stream(report.body().path("violations").spliterator(), false)
        .filter(v -> v.toString().contains(paymentTxId))
        .toList();
  }
}
