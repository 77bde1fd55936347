package com.ticketing.saga;

import static com.ticketing.saga.PaymentStatus.FAILURE;
import static com.ticketing.saga.PaymentStatus.PROCESSING;
import static com.ticketing.saga.PaymentStatus.RETRYING;
import static com.ticketing.saga.PaymentStatus.SUCCESS;
import static com.ticketing.saga.SagaTestEnvironment.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.SagaEvent;
import com.ticketing.events.SagaEventType;
import com.ticketing.saga.RecordedTransactions.Row;
import io.temporal.client.WorkflowStub;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The saga's own payment retries: visible RETRYING rows and events, 1 s / 2 s / 4 s apart. */
class PaymentSagaRetryTest {

  private final SagaTestEnvironment env = new SagaTestEnvironment();

  @AfterEach
  void stopTestServer() {
    env.close();
  }

  @Test
  void retriesTransientFailureAfterOneTwoFourSecondsThenSucceeds() {
    env.points.failFirstDebits(3);

    SagaState result = env.pay(request("tx-retry"));

    assertThat(result)
        .isEqualTo(new SagaState("tx-retry", SUCCESS, 3, null, true, false, null, 0));
    assertThat(env.transactions.rows())
        .containsExactly(
            new Row(PROCESSING, 0, null),
            new Row(RETRYING, 1, "bank timeout"),
            new Row(RETRYING, 2, "bank timeout"),
            new Row(RETRYING, 3, "bank timeout"),
            new Row(SUCCESS, 3, null));
    List<SagaEvent> retries = env.events.ofType(SagaEventType.PAYMENT_RETRY);
    assertThat(retries).extracting(SagaEvent::retryCount).containsExactly(1, 2, 3);
    assertThat(retries).extracting(SagaEvent::reason).containsOnly("bank timeout");
    assertThat(retries)
        .extracting(SagaEvent::eventId)
        .containsExactly(
            "tx-retry:payment.retry:1", "tx-retry:payment.retry:2", "tx-retry:payment.retry:3");
    assertThat(env.events.topics())
        .containsExactly(
            "payment.try",
            "payment.retry",
            "payment.retry",
            "payment.retry",
            "payment.success",
            "reservation.success");
    assertThat(env.points.debits()).hasSize(4);
    assertGapsInWorkflowTime(millisBetweenDebits("tx-retry"), 1_000, 2_000, 4_000);
    assertThat(env.reversals.reversals()).isEmpty();
    assertThat(env.searchAttributes("tx-retry").get(SagaSearchAttributes.RETRY_COUNT))
        .isEqualTo(3L);
  }

  @Test
  void failsAfterThreeRetriesWhenPaymentKeepsFailing() {
    env.points.failEveryDebit();

    SagaState result = env.pay(request("tx-down"));

    String reason = "payment failed after 3 retries: bank timeout";
    assertThat(result)
        .isEqualTo(new SagaState("tx-down", FAILURE, 3, reason, false, false, null, 0));
    assertThat(env.points.debits()).hasSize(4);
    assertGapsInWorkflowTime(millisBetweenDebits("tx-down"), 1_000, 2_000, 4_000);
    assertThat(env.transactions.statuses())
        .containsExactly(PROCESSING, RETRYING, RETRYING, RETRYING, FAILURE);
    assertThat(env.transactions.rows()).last().isEqualTo(new Row(FAILURE, 3, reason));
    assertThat(env.events.topics())
        .containsExactly(
            "payment.try", "payment.retry", "payment.retry", "payment.retry", "payment.failure");
    assertThat(env.events.events())
        .last()
        .satisfies(
            event -> {
              assertThat(event.eventId()).isEqualTo("tx-down:payment.failure");
              assertThat(event.reason()).isEqualTo(reason);
            });
    assertThat(env.reservations.confirms()).isEmpty();
    assertThat(env.reversals.reversals()).containsExactly(request("tx-down"));
  }

  @Test
  void reversesBeforeSayingFailureWhenRetriesAreExhausted() {
    PaymentRequest request = request("tx-exhausted");
    env.points.failEveryDebit();

    SagaState result = env.pay(request);

    String reason = "payment failed after 3 retries: bank timeout";
    // Nothing was taken, so the refund gives nothing back.
    assertThat(result)
        .isEqualTo(new SagaState("tx-exhausted", FAILURE, 3, reason, false, false, null, 0));
    assertThat(env.reversals.reversals()).containsExactly(request);
    // FAILURE is written only once the money is settled.
    assertThat(env.steps.steps())
        .containsOnlyOnce("reverse")
        .endsWith("debit", "reverse", "record FAILURE", "publish payment.failure");
    assertThat(env.steps.steps()).filteredOn("debit"::equals).hasSize(4);
    assertThat(env.events.topics()).last().isEqualTo("payment.failure");
    assertThat(env.reservations.confirms()).isEmpty();
  }

  @Test
  void reportsRefundWhenTimedOutAttemptsHadTakenThePoints() {
    PaymentRequest request = request("tx-lost-reply");
    env.points.failEveryDebit().takePointsBeforeFailing();

    SagaState result = env.pay(request);

    String reason = "payment failed after 3 retries: bank timeout";
    assertThat(result)
        .isEqualTo(new SagaState("tx-lost-reply", FAILURE, 3, reason, false, true, null, 0));
    assertThat(env.reversals.reversals()).containsExactly(request);
    assertThat(env.points.givenBack()).containsExactly("tx-lost-reply");
    assertThat(env.transactions.rows()).last().isEqualTo(new Row(FAILURE, 3, reason));
    assertThat(env.events.topics()).last().isEqualTo("payment.failure");
  }

  @Test
  void reversesAfterADeclineThatFollowsAFailedAttempt() {
    // A decline after a retry: the reversal looks for what the first attempt may have taken.
    env.points.failFirstDebits(1).declineDebits("insufficient points");

    SagaState result = env.pay(request("tx-declined-late"));

    assertThat(result)
        .isEqualTo(
            new SagaState(
                "tx-declined-late", FAILURE, 1, "insufficient points", false, false, null, 0));
    assertThat(env.points.debits()).hasSize(2);
    assertThat(env.reversals.reversals()).containsExactly(request("tx-declined-late"));
    assertThat(env.points.givenBack()).isEmpty();
    assertThat(env.transactions.rows())
        .containsExactly(
            new Row(PROCESSING, 0, null),
            new Row(RETRYING, 1, "bank timeout"),
            new Row(FAILURE, 1, "insufficient points"));
    assertThat(env.events.topics())
        .containsExactly("payment.try", "payment.retry", "payment.failure");
    assertThat(env.events.events())
        .last()
        .satisfies(event -> assertThat(event.reason()).isEqualTo("insufficient points"));
    assertThat(env.reservations.confirms()).isEmpty();
  }

  @Test
  void refundsWhenADeclineFollowsAnAttemptThatTookThePoints() {
    // The first attempt committed its debit and lost its answer; the next one is declined (say
    // the hold expired in between): the points must come back before the saga says FAILURE.
    env.points.failFirstDebits(1).takePointsBeforeFailing().declineDebits("hold expired");

    SagaState result = env.pay(request("tx-declined-after-debit"));

    assertThat(result.status()).isEqualTo(FAILURE);
    assertThat(result.refunded()).isTrue();
    assertThat(env.points.givenBack()).containsExactly("tx-declined-after-debit");
    assertThat(env.steps.steps()).endsWith("debit", "reverse", "record FAILURE", "publish payment.failure");
  }

  @Test
  void queryReturnsCurrentStateWhileRetrying() throws InterruptedException {
    env.points.failFirstDebits(1);
    PaymentSagaWorkflow saga = env.start(request("tx-query"));
    // No client waits for the result yet, so the test server does not skip the 1 s retry delay:
    // once the retry is published the saga is asleep, and stays so while we query it.
    env.awaitStep("tx-query", "record-retrying", "done");

    assertThat(saga.state())
        .isEqualTo(
            new SagaState("tx-query", RETRYING, 1, "bank timeout", false, false, null, 0));
    assertThat(env.points.debits()).hasSize(1);

    SagaState result = WorkflowStub.fromTyped(saga).getResult(SagaState.class);
    assertThat(result)
        .isEqualTo(new SagaState("tx-query", SUCCESS, 1, null, true, false, null, 0));
    assertThat(saga.state()).isEqualTo(result);
  }

  /** Workflow time between one debit attempt's outcome and the next, from the saga's step log. */
  private List<Long> millisBetweenDebits(String paymentTxId) {
    List<Long> at =
        env.running(paymentTxId).steps().stream()
            .filter(step -> step.step().equals("debit-points"))
            .map(SagaStep::atEpochMillis)
            .toList();
    List<Long> gaps = new java.util.ArrayList<>();
    for (int i = 1; i < at.size(); i++) {
      gaps.add(at.get(i) - at.get(i - 1));
    }
    return gaps;
  }

  /** Each gap is at least the backoff delay, plus under a second for the activities around it. */
  private static void assertGapsInWorkflowTime(List<Long> gapsMillis, long... expectedMillis) {
    assertThat(gapsMillis).hasSameSizeAs(expectedMillis);
    for (int i = 0; i < expectedMillis.length; i++) {
      assertThat(gapsMillis.get(i))
          .as("workflow time between debit attempt %d and %d", i + 1, i + 2)
          .isGreaterThanOrEqualTo(expectedMillis[i])
          .isLessThan(expectedMillis[i] + 1_000);
    }
  }
}
