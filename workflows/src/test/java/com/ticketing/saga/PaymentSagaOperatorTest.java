package com.ticketing.saga;

import static com.ticketing.saga.PaymentStatus.CANCEL;
import static com.ticketing.saga.PaymentStatus.FAILURE;
import static com.ticketing.saga.PaymentStatus.NEEDS_ATTENTION;
import static com.ticketing.saga.PaymentStatus.PROCESSING;
import static com.ticketing.saga.PaymentStatus.SUCCESS;
import static com.ticketing.saga.SagaTestEnvironment.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.ticketing.events.SagaEvent;
import com.ticketing.events.SagaEventType;
import com.ticketing.saga.RecordedTransactions.Row;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An infrastructure step that keeps failing parks the saga in NEEDS_ATTENTION; an operator's
 * {@code retry} or {@code compensate} (or the attention timeout) moves it on.
 *
 * <p>While a test only queries, the test server skips no time, so the step's retry backoff (0.5 s
 * and 1 s for the policy's 3 attempts) passes in real time: parking takes about 1.5 s.
 */
class PaymentSagaOperatorTest {

  private static final String CONFIRM = "confirm-reservation";
  private static final String CONFIRM_DOWN =
      "confirm-reservation failed 3 times: reservation service down";

  private final SagaTestEnvironment env = new SagaTestEnvironment();

  @AfterEach
  void stopTestServer() {
    env.close();
  }

  @Test
  void parksInNeedsAttentionWhenConfirmKeepsFailing() throws InterruptedException {
    String id = "tx-park";
    env.reservations.confirmOutage(true);
    env.start(request(id));

    SagaState parked = env.awaitParkedOn(id, CONFIRM);

    assertThat(parked)
        .isEqualTo(new SagaState(id, NEEDS_ATTENTION, 0, CONFIRM_DOWN, false, false, CONFIRM, 3));
    assertThat(env.reservations.confirms()).hasSize(3);
    assertThat(env.reservations.confirmed()).isEmpty();
    assertThat(env.transactions.rows())
        .containsExactly(
            new Row(PROCESSING, 0, null),
            new Row(SUCCESS, 0, null),
            new Row(NEEDS_ATTENTION, 0, CONFIRM_DOWN, CONFIRM, 3));
    SearchAttributes attributes = env.searchAttributes(id);
    assertThat(attributes.get(SagaSearchAttributes.PAYMENT_STATUS)).isEqualTo("NEEDS_ATTENTION");
    assertThat(attributes.get(SagaSearchAttributes.STUCK_STEP)).isEqualTo(CONFIRM);
    assertThat(attributes.get(SagaSearchAttributes.USER_ID)).isEqualTo(7L);
    assertThat(attributes.get(SagaSearchAttributes.SEAT_ID)).isEqualTo(42L);
    assertThat(env.running(id).steps())
        .last()
        .extracting(SagaStep::step, SagaStep::outcome, SagaStep::detail)
        .containsExactly(CONFIRM, "parked", CONFIRM_DOWN);
    // The money stays where it is while the saga waits.
    assertThat(env.points.debits()).hasSize(1);
    assertThat(env.reversals.reversals()).isEmpty();
    assertThat(env.events.topics()).containsExactly("payment.try", "payment.success");
  }

  @Test
  void retryAfterOutageEndsCompletesWithSingleDebit() throws InterruptedException {
    String id = "tx-operator-retry";
    PaymentRequest request = request(id);
    env.reservations.confirmOutage(true);
    env.start(request);
    env.awaitParkedOn(id, CONFIRM);

    env.reservations.confirmOutage(false);
    String answer = env.running(id).retry();
    SagaState result = env.result(id);

    assertThat(answer).isEqualTo("retrying confirm-reservation with a fresh budget of 3 attempts");
    assertThat(result).isEqualTo(new SagaState(id, SUCCESS, 0, null, true, false, null, 0));
    assertThat(env.reservations.confirms()).hasSize(4);
    assertThat(env.reservations.confirmed()).containsExactly(request);
    assertThat(env.points.debits()).hasSize(1);
    assertThat(env.reversals.reversals()).isEmpty();
    assertThat(env.transactions.rows())
        .containsExactly(
            new Row(PROCESSING, 0, null),
            new Row(SUCCESS, 0, null),
            new Row(NEEDS_ATTENTION, 0, CONFIRM_DOWN, CONFIRM, 3),
            new Row(SUCCESS, 0, null));
    assertThat(env.events.topics())
        .containsExactly("payment.try", "payment.success", "reservation.success");
    SearchAttributes attributes = env.searchAttributes(id);
    assertThat(attributes.get(SagaSearchAttributes.PAYMENT_STATUS)).isEqualTo("SUCCESS");
    assertThat(attributes.get(SagaSearchAttributes.STUCK_STEP)).isNull();
    assertThat(env.running(id).steps())
        .extracting(SagaStep::step, SagaStep::outcome)
        .containsSubsequence(
            tuple(CONFIRM, "parked"),
            tuple(CONFIRM, "decision: retry"),
            tuple(CONFIRM, "done"));
  }

  @Test
  void compensateRefundsExactlyOnce() throws InterruptedException {
    String id = "tx-operator-compensate";
    PaymentRequest request = request(id);
    env.reservations.confirmOutage(true);
    env.start(request);
    env.awaitParkedOn(id, CONFIRM);

    String answer = env.running(id).compensate();
    SagaState result = env.result(id);

    String reason =
        "compensated by an operator after confirm-reservation kept failing:"
            + " reservation service down";
    assertThat(answer).startsWith("compensating");
    assertThat(result).isEqualTo(new SagaState(id, CANCEL, 0, reason, false, true, null, 0));
    assertThat(env.reservations.confirms()).hasSize(3);
    assertThat(env.reservations.confirmed()).isEmpty();
    assertThat(env.points.debits()).hasSize(1);
    assertThat(env.reversals.reversals()).containsExactly(request);
    assertThat(env.points.givenBack()).containsExactly(id);
    assertThat(env.steps.steps()).containsSubsequence("reverse", "record CANCEL", "publish payment.cancel");
    assertThat(env.transactions.rows())
        .containsExactly(
            new Row(PROCESSING, 0, null),
            new Row(SUCCESS, 0, null),
            new Row(NEEDS_ATTENTION, 0, CONFIRM_DOWN, CONFIRM, 3),
            new Row(CANCEL, 0, reason));
    assertThat(env.events.topics())
        .containsExactly(
            "payment.try", "payment.success", "reservation.failure", "payment.cancel");
    assertThat(env.events.ofType(SagaEventType.PAYMENT_CANCEL))
        .singleElement()
        .extracting(SagaEvent::reason)
        .isEqualTo(reason);
    SearchAttributes attributes = env.searchAttributes(id);
    assertThat(attributes.get(SagaSearchAttributes.PAYMENT_STATUS)).isEqualTo("CANCEL");
    assertThat(attributes.get(SagaSearchAttributes.STUCK_STEP)).isNull();
  }

  @Test
  void refusesDecisionWhenSagaIsNotParked() throws InterruptedException {
    String id = "tx-not-parked";
    PaymentRequest request = request(id);
    env.points.failFirstDebits(1);
    env.start(request);

    // Asleep before its first debit retry: running, but nothing for an operator to decide. (While
    // a step runs, a decision waits for it: its workflow task is busy with the local activity.)
    env.awaitStep(id, "record-retrying", "done");
    assertRefused(id);

    SagaState result = env.result(id);
    // Finished: there is no saga left to take a decision.
    assertThatThrownBy(() -> env.running(id).retry())
        .isInstanceOf(WorkflowNotFoundException.class);
    assertThatThrownBy(() -> env.running(id).compensate())
        .isInstanceOf(WorkflowNotFoundException.class);

    assertThat(result).isEqualTo(new SagaState(id, SUCCESS, 1, null, true, false, null, 0));
    assertThat(env.points.debits()).hasSize(2);
    assertThat(env.reversals.reversals()).isEmpty();
    assertThat(env.reservations.confirms()).containsExactly(request);
    assertThat(env.transactions.statuses()).doesNotContain(NEEDS_ATTENTION, CANCEL);
    assertThat(env.running(id).steps())
        .extracting(SagaStep::outcome)
        .noneMatch(outcome -> outcome.startsWith("decision"));
  }

  @Test
  void compensatesByItselfAfterAttentionTimeout() throws InterruptedException {
    String id = "tx-attention-timeout";
    PaymentRequest request = request(id);
    env.reservations.confirmOutage(true);
    env.start(request, new SagaPolicy(3, Duration.ofHours(24)));
    env.awaitParkedOn(id, CONFIRM);

    // Waiting for the result lets the test server skip the day no operator used.
    SagaState result = env.result(id);

    String reason =
        "no operator decision within PT24H after confirm-reservation kept failing:"
            + " reservation service down";
    assertThat(result).isEqualTo(new SagaState(id, CANCEL, 0, reason, false, true, null, 0));
    assertThat(env.reversals.reversals()).containsExactly(request);
    assertThat(env.reservations.confirmed()).isEmpty();
    assertThat(env.transactions.rows()).last().isEqualTo(new Row(CANCEL, 0, reason));
    assertThat(env.events.topics())
        .containsExactly(
            "payment.try", "payment.success", "reservation.failure", "payment.cancel");
    List<SagaStep> steps = env.running(id).steps();
    SagaStep parkedAt = stepOf(steps, CONFIRM, "parked", CONFIRM_DOWN);
    SagaStep decidedAt = stepOf(steps, CONFIRM, "decision: compensate", "attention timeout");
    assertThat(decidedAt.atEpochMillis() - parkedAt.atEpochMillis())
        .as("workflow time the saga waited for an operator")
        .isGreaterThanOrEqualTo(Duration.ofHours(24).toMillis());
  }

  @Test
  void refusesCompensateWhileCompensatingButAcceptsRetry() throws InterruptedException {
    String id = "tx-reversal-down";
    PaymentRequest request = request(id);
    env.reservations.rejectConfirm("hold expired");
    env.reversals.outage(true);
    env.start(request);
    SagaState parked = env.awaitParkedOn(id, "reverse-payment");

    assertThatThrownBy(() -> env.running(id).compensate())
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("already compensating");
    env.reversals.outage(false);
    env.running(id).retry();
    SagaState result = env.result(id);

    assertThat(parked.stepAttempts()).isEqualTo(3);
    assertThat(parked.lastError())
        .isEqualTo("reverse-payment failed 3 times: points ledger down");
    assertThat(result)
        .isEqualTo(new SagaState(id, CANCEL, 0, "hold expired", false, true, null, 0));
    assertThat(env.reversals.attempts()).isEqualTo(4);
    assertThat(env.reversals.reversals()).containsExactly(request);
    assertThat(env.points.givenBack()).containsExactly(id);
    assertThat(env.transactions.statuses())
        .containsExactly(PROCESSING, SUCCESS, NEEDS_ATTENTION, SUCCESS, CANCEL);
    assertThat(env.events.topics())
        .containsExactly(
            "payment.try", "payment.success", "reservation.failure", "payment.cancel");
  }

  @Test
  void failedPaymentParksBeforeSayingFailureWhileItsReversalKeepsFailing()
      throws InterruptedException {
    String id = "tx-failed-reversal-down";
    // Every attempt took the points and lost its answer; then the ledger goes down.
    env.points.failEveryDebit().takePointsBeforeFailing();
    env.reversals.outage(true);
    env.start(request(id));
    SagaState parked = env.awaitParkedOn(id, "reverse-payment");

    assertThat(env.transactions.statuses()).doesNotContain(FAILURE, CANCEL).endsWith(NEEDS_ATTENTION);
    assertThat(env.events.topics()).doesNotContain("payment.failure");
    assertThatThrownBy(() -> env.running(id).compensate())
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("already compensating");
    env.reversals.outage(false);
    env.running(id).retry();
    SagaState result = env.result(id);

    assertThat(parked.stuckStep()).isEqualTo("reverse-payment");
    assertThat(result.status()).isEqualTo(FAILURE);
    assertThat(result.refunded()).isTrue();
    assertThat(env.points.givenBack()).containsExactly(id);
    assertThat(env.transactions.statuses()).last().isEqualTo(FAILURE);
    assertThat(env.events.topics()).last().isEqualTo("payment.failure");
  }

  @Test
  void compensatingAConfirmThatWentThroughFinishesAsSold() throws InterruptedException {
    String id = "tx-confirm-answers-lost";
    PaymentRequest request = request(id);
    // The confirm commits every time, and every answer is lost: the saga parks on it.
    env.reservations.loseConfirmAnswers(true);
    env.start(request);
    env.awaitParkedOn(id, CONFIRM);

    env.running(id).compensate();
    SagaState result = env.result(id);

    // The reversal finds the seat sold: nothing is undone, and the saga says so.
    assertThat(result.status()).isEqualTo(SUCCESS);
    assertThat(result.reservationConfirmed()).isTrue();
    assertThat(env.points.givenBack()).isEmpty();
    assertThat(env.transactions.statuses()).last().isEqualTo(SUCCESS);
    assertThat(env.events.topics())
        .containsExactly("payment.try", "payment.success", "reservation.success");
  }

  @Test
  void refusesCompensateOnceTheSeatTurnsOutSoldButAcceptsRetry() throws InterruptedException {
    String id = "tx-sold-record-down";
    PaymentRequest request = request(id);
    // The confirm went through but its answers were lost; an operator gives up on it, the
    // reversal finds the seat sold, and then the database refuses the SUCCESS it must write.
    env.reservations.loseConfirmAnswers(true);
    env.start(request);
    env.awaitParkedOn(id, CONFIRM);
    env.transactions.outageWhileRecording(SUCCESS);
    env.running(id).compensate();
    SagaState parked = env.awaitParkedOn(id, "record-success");

    assertThatThrownBy(() -> env.running(id).compensate())
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("already compensating");
    env.transactions.backUp();
    env.running(id).retry();
    SagaState result = env.result(id);

    assertThat(parked.reservationConfirmed()).isTrue();
    assertThat(result).isEqualTo(new SagaState(id, SUCCESS, 0, null, true, false, null, 0));
    assertThat(env.reservations.confirmed()).containsExactly(request);
    assertThat(env.points.givenBack()).isEmpty();
    assertThat(env.events.topics())
        .containsExactly("payment.try", "payment.success", "reservation.success");
  }

  @Test
  void aStatusWriteRetriedAfterParkingWritesItsEvents() throws InterruptedException {
    String id = "tx-cancel-record-down";
    env.reservations.rejectConfirm("hold expired");
    env.transactions.outageWhileRecording(CANCEL);
    env.start(request(id));
    env.awaitParkedOn(id, "record-cancel");

    env.transactions.backUp();
    env.running(id).retry();
    SagaState result = env.result(id);

    assertThat(result.status()).isEqualTo(CANCEL);
    assertThat(env.transactions.refused()).as("writes the revision rule refused").isEmpty();
    assertThat(env.transactions.statuses()).last().isEqualTo(CANCEL);
    assertThat(env.events.topics())
        .containsExactly("payment.try", "payment.success", "reservation.failure", "payment.cancel");
  }

  @Test
  void theStartsStatusWriteRetriedAfterParkingWritesPaymentTry() throws InterruptedException {
    String id = "tx-start-record-down";
    env.transactions.outageWhileRecording(PROCESSING);
    env.start(request(id));
    env.awaitParkedOn(id, "record-processing");

    env.transactions.backUp();
    env.running(id).retry();
    SagaState result = env.result(id);

    assertThat(result.status()).isEqualTo(SUCCESS);
    assertThat(env.transactions.refused()).as("writes the revision rule refused").isEmpty();
    assertThat(env.events.topics()).containsExactly("payment.try", "payment.success", "reservation.success");
  }

  @Test
  void signalDecisionMovesParkedSagaOn() throws InterruptedException {
    String id = "tx-signal";
    env.reservations.confirmOutage(true);
    env.start(request(id));
    env.awaitParkedOn(id, CONFIRM);

    env.running(id).decide("later");
    env.reservations.confirmOutage(false);
    env.running(id).decide("retry");
    SagaState result = env.result(id);

    assertThat(result).isEqualTo(new SagaState(id, SUCCESS, 0, null, true, false, null, 0));
    assertThat(env.reversals.reversals()).isEmpty();
    assertThat(env.running(id).steps())
        .filteredOn(step -> step.step().equals("operator-signal"))
        .singleElement()
        .satisfies(
            refused -> {
              assertThat(refused.outcome()).isEqualTo("refused");
              assertThat(refused.detail()).contains("unknown decision 'later'");
            });
  }

  private void assertRefused(String id) {
    for (Runnable decision :
        List.<Runnable>of(() -> env.running(id).retry(), () -> env.running(id).compensate())) {
      assertThatThrownBy(decision::run)
          .isInstanceOf(WorkflowUpdateException.class)
          .rootCause()
          .hasMessageContaining("not waiting for an operator");
    }
  }

  private static SagaStep stepOf(List<SagaStep> steps, String step, String outcome, String detail) {
    return steps.stream()
        .filter(s -> s.step().equals(step) && s.outcome().equals(outcome))
        .filter(s -> detail.equals(s.detail()))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no step " + step + " " + outcome + " in " + steps));
  }
}
