package com.ticketing.saga;

import static com.ticketing.saga.PaymentStatus.CANCEL;
import static com.ticketing.saga.PaymentStatus.FAILURE;
import static com.ticketing.saga.PaymentStatus.PROCESSING;
import static com.ticketing.saga.PaymentStatus.SUCCESS;
import static com.ticketing.saga.SagaTestEnvironment.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.SagaEvent;
import com.ticketing.events.SagaEventType;
import com.ticketing.saga.RecordedTransactions.Row;
import io.temporal.common.SearchAttributes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The saga's outcomes without transient failures: paid and confirmed, declined, compensated. */
class PaymentSagaWorkflowTest {

  private final SagaTestEnvironment env = new SagaTestEnvironment();

  @AfterEach
  void stopTestServer() {
    env.close();
  }

  @Test
  void completesPaymentAndConfirmsSeatOnHappyPath() {
    PaymentRequest request = request("tx-happy");

    SagaState result = env.pay(request);

    assertThat(result)
        .isEqualTo(new SagaState("tx-happy", SUCCESS, 0, null, true, false, null, 0));
    assertThat(env.transactions.rows())
        .containsExactly(new Row(PROCESSING, 0, null), new Row(SUCCESS, 0, null));
    assertThat(env.events.topics())
        .containsExactly("payment.try", "payment.success", "reservation.success");
    assertThat(env.events.events())
        .extracting(SagaEvent::eventId)
        .containsExactly(
            "tx-happy:payment.try", "tx-happy:payment.success", "tx-happy:reservation.success");
    assertThat(env.events.events())
        .allSatisfy(
            event -> {
              assertThat(event.payment()).isEqualTo(request);
              assertThat(event.retryCount()).isNull();
              assertThat(event.reason()).isNull();
            });
    assertThat(env.points.debits()).hasSize(1);
    assertThat(env.points.debits().get(0).request()).isEqualTo(request);
    assertThat(env.reservations.confirms()).containsExactly(request);
    assertThat(env.reversals.reversals()).isEmpty();
    SearchAttributes attributes = env.searchAttributes("tx-happy");
    assertThat(attributes.get(SagaSearchAttributes.PAYMENT_STATUS)).isEqualTo("SUCCESS");
    assertThat(attributes.get(SagaSearchAttributes.USER_ID)).isEqualTo(7L);
    assertThat(attributes.get(SagaSearchAttributes.SEAT_ID)).isEqualTo(42L);
    assertThat(attributes.get(SagaSearchAttributes.RETRY_COUNT)).isEqualTo(0L);
    assertThat(attributes.get(SagaSearchAttributes.STUCK_STEP)).isNull();
  }

  @Test
  void aSagaWhoseRowIsSettledEndsWithTheRowsStoryAndRunsNoStep() {
    SagaState cancelled = new SagaState("tx-settled", CANCEL, 0, "seat gone", false, true, null, 0);
    env.transactions.settledAs(cancelled);

    SagaState result = env.pay(request("tx-settled"));

    assertThat(result).isEqualTo(cancelled);
    assertThat(env.transactions.rows()).isEmpty();
    assertThat(env.events.events()).isEmpty();
    assertThat(env.points.debits()).isEmpty();
    assertThat(env.reversals.reversals()).isEmpty();
    assertThat(env.reservations.confirms()).isEmpty();
    assertThat(env.searchAttributes("tx-settled").get(SagaSearchAttributes.PAYMENT_STATUS)).isEqualTo("CANCEL");
  }

  @Test
  void failsAtOnceWithoutRetryOnBusinessErrorAfterReversingThePayment() {
    env.points.declineDebits("insufficient points");

    SagaState result = env.pay(request("tx-declined"));

    assertThat(result)
        .isEqualTo(
            new SagaState(
                "tx-declined", FAILURE, 0, "insufficient points", false, false, null, 0));
    assertThat(env.points.debits()).hasSize(1);
    assertThat(env.transactions.rows())
        .containsExactly(new Row(PROCESSING, 0, null), new Row(FAILURE, 0, "insufficient points"));
    assertThat(env.events.topics()).containsExactly("payment.try", "payment.failure");
    SagaEvent failure = env.events.events().get(1);
    assertThat(failure.eventId()).isEqualTo("tx-declined:payment.failure");
    assertThat(failure.reason()).isEqualTo("insufficient points");
    assertThat(failure.retryCount()).isNull();
    assertThat(env.reservations.confirms()).isEmpty();
    // Only the database knows whether an earlier attempt took the points: the saga reverses
    // before it says FAILURE, and here the reversal finds nothing to give back.
    assertThat(env.reversals.reversals()).containsExactly(request("tx-declined"));
    assertThat(env.points.givenBack()).isEmpty();
    assertThat(env.steps.steps()).endsWith("debit", "reverse", "record FAILURE", "publish payment.failure");
  }

  @Test
  void refundsPointsExactlyOnceWhenConfirmFails() {
    PaymentRequest request = request("tx-expired");
    env.reservations.rejectConfirm("hold expired");

    SagaState result = env.pay(request);

    assertThat(result)
        .isEqualTo(
            new SagaState("tx-expired", CANCEL, 0, "hold expired", false, true, null, 0));
    assertThat(env.transactions.statuses()).containsExactly(PROCESSING, SUCCESS, CANCEL);
    assertThat(env.transactions.rows().get(2)).isEqualTo(new Row(CANCEL, 0, "hold expired"));
    assertThat(env.events.topics())
        .containsExactly(
            "payment.try", "payment.success", "reservation.failure", "payment.cancel");
    assertThat(env.events.ofType(SagaEventType.RESERVATION_FAILURE))
        .singleElement()
        .satisfies(event -> assertThat(event.reason()).isEqualTo("hold expired"));
    assertThat(env.events.ofType(SagaEventType.PAYMENT_CANCEL))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.eventId()).isEqualTo("tx-expired:payment.cancel");
              assertThat(event.reason()).isEqualTo("hold expired");
            });
    assertThat(env.points.debits()).hasSize(1);
    assertThat(env.reservations.confirms()).containsExactly(request);
    assertThat(env.reversals.reversals()).containsExactly(request);
    assertThat(env.points.givenBack()).containsExactly("tx-expired");
    assertThat(env.steps.steps())
        .containsSubsequence("confirm", "reverse", "record CANCEL", "publish payment.cancel");
  }

  @Test
  void doesNotRefundWhenReversalFindsSeatSold() {
    PaymentRequest request = request("tx-sold");
    env.reservations.rejectConfirm("hold expired");
    env.reversals.findsSeatSold();

    SagaState result = env.pay(request);

    assertThat(env.reservations.confirms()).containsExactly(request);
    assertThat(env.reversals.reversals()).containsExactly(request);
    assertThat(env.points.givenBack()).isEmpty();
    assertThat(result.refunded()).isFalse();
    assertThat(result.reservationConfirmed()).isTrue();
    assertThat(result.status()).isEqualTo(SUCCESS);
    assertThat(env.transactions.statuses()).doesNotContain(CANCEL, FAILURE);
  }

  @Test
  void writesEveryStatusWithAStrictlyIncreasingRevision() {
    env.points.failFirstDebits(2);

    env.pay(request("tx-revisions"));

    assertThat(env.transactions.revisions()).hasSize(4).isSorted().doesNotHaveDuplicates();
  }
}
