package com.ticketing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketing.chaos.FaultyStep;
import com.ticketing.errors.TicketingException;
import com.ticketing.it.IntegrationTest;
import com.ticketing.it.RowLock;
import com.ticketing.it.SagaEventRecorder.Message;
import com.ticketing.points.UserAccountRepository;
import com.ticketing.reservation.ReservationRepository;
import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.PaymentSagaWorkflow;
import com.ticketing.saga.SagaProperties;
import io.grpc.Status;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * The saga end to end on the real stack, through the fault paths a friendly run never takes:
 * lost answers, a start that fails after the server took it, a start with a forged amount, a
 * cancel while a debit is in flight, a repeated start of a saga Temporal has forgotten.
 */
class SagaFaultPathsIntegrationTest extends IntegrationTest {

  @Autowired private WorkflowClient workflowClient;
  @Autowired private SagaProperties sagaProperties;
  @Autowired private DataSource dataSource;
  @Autowired private UserAccountRepository users;
  @Autowired private ReservationRepository reservations;
  @Autowired private PaymentTransactionRepository transactions;
  @Autowired private PlatformTransactionManager transactionManager;
  @Autowired private PaymentReversalService reversals;

  @Test
  void exhaustedRetriesAfterACommittedDebitRefundAndReleaseTheSeat() {
    // Every debit attempt commits (the first takes the points) and then loses its answer.
    chaos.setLostAckRate(1.0, FaultyStep.DEBIT);
    Hold hold = holdNewSeat(20_000, 5_000);
    String paymentTxId = newPaymentTxId("lost-acks");

    assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);

    JsonNode done = awaitFinal(paymentTxId);
    assertThat(done.path("status").asString()).isEqualTo("FAILURE");
    assertThat(done.path("retryCount").asInt()).isEqualTo(3);
    assertThat(ledgerOf(paymentTxId))
        .containsExactly(
            new LedgerRow("DEBIT", hold.userId(), 5_000), new LedgerRow("REFUND", hold.userId(), 5_000));
    assertThat(balanceInDb(hold.userId())).isEqualTo(20_000);
    // Not left HELD and paid for good: the seat can be sold again.
    assertThat(reservationStatusInDb(hold.reservationId())).isEqualTo("CANCELLED");
    assertThat(api.hold(newUser(0), hold.seatId()).status()).isEqualTo(201);
    assertThat(events.awaitEvents(paymentTxId, "payment.failure"))
        .extracting(Message::topic)
        .doesNotContain("payment.success", "payment.cancel", "reservation.success");
  }

  @Test
  void aSagaStartedWithAForgedAmountOnTheTemporalFrontendTakesNoPoints() {
    Hold hold = holdNewSeat(50_000, 20_000);
    String paymentTxId = newPaymentTxId("frontend");
    PaymentRequest forged = new PaymentRequest(paymentTxId, hold.userId(), hold.seatId(), hold.reservationId(), 1);

    WorkflowClient.start(newSaga(paymentTxId)::pay, forged, sagaProperties.policy());

    JsonNode done = awaitFinal(paymentTxId);
    assertThat(done.path("status").asString()).isEqualTo("FAILURE");
    assertThat(done.path("lastError").asString()).contains("does not match the price 20000");
    assertThat(ledgerOf(paymentTxId)).isEmpty();
    assertThat(balanceInDb(hold.userId())).isEqualTo(50_000);
    assertThat(reservationStatusInDb(hold.reservationId())).isEqualTo("HELD");
    assertThat(paidByInDb(hold.reservationId())).isNull();
  }

  @Test
  void aStartThatFailsAfterTheServerTookItLeavesTheRunningSagaToFinish() {
    Hold hold = holdNewSeat(40_000, 8_000);
    String paymentTxId = newPaymentTxId("lost-start-answer");
    PaymentSagaStarter starter = starterWith(startsThenLosesTheAnswer());

    StartedPayment started = starter.start(new PaymentCommand(hold.userId(), hold.reservationId(), paymentTxId));

    assertThat(started.paymentTxId()).isEqualTo(paymentTxId);
    JsonNode done = awaitFinal(paymentTxId);
    assertThat(done.path("status").asString()).isEqualTo("SUCCESS");
    assertThat(done.path("reservationStatus").asString()).isEqualTo("CONFIRMED");
    assertThat(ledgerOf(paymentTxId)).containsExactly(new LedgerRow("DEBIT", hold.userId(), 8_000));
    assertThat(balanceInDb(hold.userId())).isEqualTo(32_000);
  }

  @Test
  void aStartThatNeverReachedTemporalIsClosedFencedSoALateSagaCannotDebit() {
    Hold hold = holdNewSeat(40_000, 8_000);
    String paymentTxId = newPaymentTxId("unreachable-start");
    PaymentSagaStarter starter = starterWith(failsEveryStart());

    assertThatThrownBy(() -> starter.start(new PaymentCommand(hold.userId(), hold.reservationId(), paymentTxId)))
        .isInstanceOfSatisfying(TicketingException.class, refused ->
            assertThat(refused.kind()).isEqualTo(TicketingException.Kind.UNAVAILABLE));
    assertThat(paymentStatusInDb(paymentTxId)).isEqualTo("FAILURE");

    // The start reaches Temporal after all (a retry inside the client, a delayed request).
    PaymentRequest request = requestFor(hold, paymentTxId);
    WorkflowClient.start(newSaga(paymentTxId)::pay, request, sagaProperties.policy());
    WorkflowStub.fromTyped(workflowClient.newWorkflowStub(PaymentSagaWorkflow.class, paymentTxId))
        .getResult(com.ticketing.saga.SagaState.class);

    assertThat(paymentStatusInDb(paymentTxId)).isEqualTo("FAILURE");
    assertThat(ledgerOf(paymentTxId)).isEmpty();
    assertThat(balanceInDb(hold.userId())).isEqualTo(40_000);
    assertThat(paidByInDb(hold.reservationId())).isNull();
  }

  @Test
  void aCancelWhileADebitAttemptIsInFlightEndsSoldOrUndoneNeverHalfWay() {
    Hold hold = holdNewSeat(30_000, 6_000);
    String paymentTxId = newPaymentTxId("cancel-in-flight");
    // The debit attempt gets the reservation and payment locks, then waits for the user's.
    try (RowLock slowTransaction =
        RowLock.take(dataSource, "SELECT id FROM users WHERE id = ? FOR UPDATE", hold.userId())) {
      assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);
      RowLock.awaitLockWaiters(jdbc, 1);
      // A step is a local activity: the saga sees the cancel once its workflow task yields, which
      // a saga whose steps all succeed may never do before it has sold the seat.
      WorkflowStub.fromTyped(workflowClient.newWorkflowStub(PaymentSagaWorkflow.class, paymentTxId)).cancel();
    }

    JsonNode done = awaitFinal(paymentTxId);
    if (done.path("status").asString().equals("SUCCESS")) {
      assertThat(done.path("reservationStatus").asString()).isEqualTo("CONFIRMED");
      assertThat(ledgerOf(paymentTxId)).containsExactly(new LedgerRow("DEBIT", hold.userId(), 6_000));
      assertThat(balanceInDb(hold.userId())).isEqualTo(24_000);
    } else {
      assertThat(done.path("status").asString()).isIn("CANCEL", "FAILURE");
      assertThat(balanceInDb(hold.userId())).isEqualTo(30_000);
      assertThat(reservationStatusInDb(hold.reservationId())).isIn("HELD", "CANCELLED");
      assertThat(ledgerOf(paymentTxId))
          .isIn(
              java.util.List.of(),
              java.util.List.of(
                  new LedgerRow("DEBIT", hold.userId(), 6_000), new LedgerRow("REFUND", hold.userId(), 6_000)));
    }
  }

  @Test
  void aRepeatedStartOfASettledSagaTemporalHasForgottenStartsNoNewRun() {
    // What a finished saga looks like once Temporal's retention has removed its workflow.
    Hold hold = holdNewSeat(25_000, 5_000);
    String paymentTxId = newPaymentTxId("forgotten");
    insertPaymentRow(requestFor(hold, paymentTxId));
    jdbc.update("UPDATE payment_transactions SET status = 'SUCCESS' WHERE payment_tx_id = ?", paymentTxId);
    jdbc.update(
        "INSERT INTO point_ledger (payment_tx_id, user_id, entry_type, amount, created_at)"
            + " VALUES (?, ?, 'DEBIT', 5000, UTC_TIMESTAMP(6))",
        paymentTxId, hold.userId());
    jdbc.update("UPDATE users SET point_balance = point_balance - 5000 WHERE id = ?", hold.userId());
    jdbc.update(
        "UPDATE reservations SET status = 'CONFIRMED', paid_by_tx_id = ? WHERE id = ?",
        paymentTxId, hold.reservationId());

    var again = api.pay(hold.userId(), hold.reservationId(), paymentTxId);

    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body().path("status").asString()).isEqualTo("SUCCESS");
    assertThatThrownBy(
            () -> WorkflowStub.fromTyped(workflowClient.newWorkflowStub(PaymentSagaWorkflow.class, paymentTxId))
                .describe())
        .isInstanceOf(WorkflowNotFoundException.class);
    assertThat(ledgerOf(paymentTxId)).containsExactly(new LedgerRow("DEBIT", hold.userId(), 5_000));
    assertThat(balanceInDb(hold.userId())).isEqualTo(20_000);
  }

  private PaymentSagaWorkflow newSaga(String paymentTxId) {
    return workflowClient.newWorkflowStub(
        PaymentSagaWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(paymentTxId).setTaskQueue(PaymentSagaWorkflow.TASK_QUEUE).build());
  }

  /** The service's starter, on a Temporal client whose start calls go through {@code interceptor}. */
  private PaymentSagaStarter starterWith(WorkflowClientInterceptorBase interceptor) {
    WorkflowClient client =
        WorkflowClient.newInstance(
            workflowClient.getWorkflowServiceStubs(),
            WorkflowClientOptions.newBuilder(workflowClient.getOptions()).setInterceptors(interceptor).build());
    return new PaymentSagaStarter(
        users, reservations, transactions, transactionManager, client, sagaProperties, reversals, Clock.systemUTC());
  }

  /** The server stores the start, and the answer is lost on the way back (a deadline). */
  private static WorkflowClientInterceptorBase startsThenLosesTheAnswer() {
    return new WorkflowClientInterceptorBase() {
      @Override
      public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
        return new WorkflowClientCallsInterceptorBase(next) {
          @Override
          public WorkflowStartOutput start(WorkflowStartInput input) {
            super.start(input);
            throw Status.DEADLINE_EXCEEDED.withDescription("answer lost").asRuntimeException();
          }
        };
      }
    };
  }

  /** The start never reaches the server. */
  private static WorkflowClientInterceptorBase failsEveryStart() {
    return new WorkflowClientInterceptorBase() {
      @Override
      public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
        return new WorkflowClientCallsInterceptorBase(next) {
          @Override
          public WorkflowStartOutput start(WorkflowStartInput input) {
            throw Status.UNAVAILABLE.withDescription("frontend unreachable").asRuntimeException();
          }
        };
      }
    };
  }
}
