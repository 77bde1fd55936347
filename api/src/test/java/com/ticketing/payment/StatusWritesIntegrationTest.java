package com.ticketing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.SagaEvent;
import com.ticketing.events.SagaEventType;
import com.ticketing.it.IntegrationTest;
import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.PaymentStatus;
import com.ticketing.saga.SagaState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The polling row only moves forward, whatever order the attempts of its writes land in. */
class StatusWritesIntegrationTest extends IntegrationTest {

  @Autowired private PaymentTransactionActivities transactions;

  @Test
  void aLateWriteOfAnOlderStatusNeverMovesTheRowBackwards() {
    Hold hold = holdNewSeat(10_000, 1_000);
    PaymentRequest request = requestFor(hold, newPaymentTxId("late-write"));
    insertPaymentRow(request);

    transactions.record(request, state(request, PaymentStatus.NEEDS_ATTENTION, "record-success parked"), 300, List.of());
    // The attempt that overran its timeout lands last, with the revision it was given.
    transactions.record(request, state(request, PaymentStatus.SUCCESS, null), 200, List.of());

    assertThat(paymentStatusInDb(request.paymentTxId())).isEqualTo("NEEDS_ATTENTION");
    assertThat(revisionInDb(request.paymentTxId())).isEqualTo(300);
  }

  @Test
  void aFinalStatusNeverChangesAgain() {
    Hold hold = holdNewSeat(10_000, 1_000);
    PaymentRequest request = requestFor(hold, newPaymentTxId("final-write"));
    insertPaymentRow(request);

    transactions.record(request, state(request, PaymentStatus.CANCEL, "hold expired"), 500, List.of());
    transactions.record(request, state(request, PaymentStatus.SUCCESS, null), 400, List.of());
    transactions.record(request, state(request, PaymentStatus.NEEDS_ATTENTION, "later"), 600, List.of());

    assertThat(paymentStatusInDb(request.paymentTxId())).isEqualTo("CANCEL");
    assertThat(jdbc.queryForObject(
            "SELECT last_error FROM payment_transactions WHERE payment_tx_id = ?",
            String.class,
            request.paymentTxId()))
        .isEqualTo("hold expired");
  }

  @Test
  void aRepeatedWriteOfTheSameRevisionChangesNothing() {
    Hold hold = holdNewSeat(10_000, 1_000);
    PaymentRequest request = requestFor(hold, newPaymentTxId("same-write"));
    insertPaymentRow(request);

    transactions.record(request, state(request, PaymentStatus.RETRYING, "bank timeout"), 100, List.of());
    transactions.record(request, state(request, PaymentStatus.SUCCESS, null), 100, List.of());

    assertThat(paymentStatusInDb(request.paymentTxId())).isEqualTo("RETRYING");
  }

  @Test
  void aSagaStartedWithoutARowCreatesIt() {
    Hold hold = holdNewSeat(10_000, 1_000);
    PaymentRequest request = requestFor(hold, newPaymentTxId("no-row"));

    transactions.record(request, state(request, PaymentStatus.PROCESSING, null), 10, List.of());

    assertThat(paymentStatusInDb(request.paymentTxId())).isEqualTo("PROCESSING");
    assertThat(revisionInDb(request.paymentTxId())).isEqualTo(10);
  }

  /**
   * A local activity may run again after its workflow task was lost, and the second run may take
   * another branch: here the first run's debit failed and announced a retry, the second run's
   * debit found the points taken and succeeded without one.
   */
  @Test
  void aRetryAnnouncedByALostRunStaysCountedWhenTheNextRunSucceeds() {
    Hold hold = holdNewSeat(10_000, 1_000);
    PaymentRequest request = requestFor(hold, newPaymentTxId("orphan-retry"));
    insertPaymentRow(request);

    transactions.record(request, retrying(request, 1), 100, List.of(event(request, SagaEventType.PAYMENT_RETRY, 1)));
    transactions.record(request, state(request, PaymentStatus.SUCCESS, null), 200, List.of(event(request, SagaEventType.PAYMENT_SUCCESS, null)));

    assertThat(paymentStatusInDb(request.paymentTxId())).isEqualTo("SUCCESS");
    assertThat(retryCountInDb(request.paymentTxId())).isEqualTo(1);
    assertThat(outboxEventIds(request)).containsExactly(
        request.paymentTxId() + ":payment.retry:1", request.paymentTxId() + ":payment.success");
  }

  /** The other way round: the lost run succeeded, the next run's debit failed before it looked. */
  @Test
  void aRetryAnnouncedAfterThePaymentSucceededIsNeitherWrittenNorPublished() {
    Hold hold = holdNewSeat(10_000, 1_000);
    PaymentRequest request = requestFor(hold, newPaymentTxId("retry-after-success"));
    insertPaymentRow(request);

    transactions.record(request, state(request, PaymentStatus.SUCCESS, null), 100, List.of(event(request, SagaEventType.PAYMENT_SUCCESS, null)));
    transactions.record(request, retrying(request, 1), 200, List.of(event(request, SagaEventType.PAYMENT_RETRY, 1)));

    assertThat(paymentStatusInDb(request.paymentTxId())).isEqualTo("SUCCESS");
    assertThat(retryCountInDb(request.paymentTxId())).isZero();
    assertThat(outboxEventIds(request)).containsExactly(request.paymentTxId() + ":payment.success");
  }

  @Test
  void aWriteRefusedOnAClosedRowPublishesNoneOfItsEvents() {
    Hold hold = holdNewSeat(10_000, 1_000);
    PaymentRequest request = requestFor(hold, newPaymentTxId("closed-row-events"));
    insertPaymentRow(request);

    transactions.record(request, state(request, PaymentStatus.CANCEL, "hold expired"), 500, List.of(event(request, SagaEventType.PAYMENT_CANCEL, null)));
    transactions.record(request, state(request, PaymentStatus.SUCCESS, null), 600, List.of(event(request, SagaEventType.PAYMENT_SUCCESS, null)));

    assertThat(outboxEventIds(request)).containsExactly(request.paymentTxId() + ":payment.cancel");
  }

  @Test
  void aRepeatedFirstWriteNeverTurnsARetryingRowBackToProcessing() {
    Hold hold = holdNewSeat(10_000, 1_000);
    PaymentRequest request = requestFor(hold, newPaymentTxId("processing-again"));
    insertPaymentRow(request);

    transactions.record(request, state(request, PaymentStatus.PROCESSING, null), 100, List.of(event(request, SagaEventType.PAYMENT_TRY, null)));
    transactions.record(request, retrying(request, 1), 200, List.of(event(request, SagaEventType.PAYMENT_RETRY, 1)));
    transactions.record(request, state(request, PaymentStatus.PROCESSING, null), 300, List.of(event(request, SagaEventType.PAYMENT_TRY, null)));

    assertThat(paymentStatusInDb(request.paymentTxId())).isEqualTo("RETRYING");
    assertThat(retryCountInDb(request.paymentTxId())).isEqualTo(1);
  }

  private static SagaState state(PaymentRequest request, PaymentStatus status, String error) {
    return new SagaState(request.paymentTxId(), status, 0, error, false, false, null, 0);
  }

  private static SagaState retrying(PaymentRequest request, int retryCount) {
    return new SagaState(request.paymentTxId(), PaymentStatus.RETRYING, retryCount, "bank timeout", false, false, null, 0);
  }

  /** As the saga builds them: retries, failures and cancels say why (the event contract requires it). */
  private static SagaEvent event(PaymentRequest request, SagaEventType type, Integer retryCount) {
    boolean explained = type == SagaEventType.PAYMENT_RETRY || type == SagaEventType.PAYMENT_FAILURE || type == SagaEventType.PAYMENT_CANCEL;
    return new SagaEvent(type, request, 1_000L, retryCount, explained ? "bank timeout" : null);
  }

  private List<String> outboxEventIds(PaymentRequest request) {
    return jdbc.queryForList(
        "SELECT event_id FROM saga_outbox WHERE event_id LIKE ? ORDER BY id", String.class, request.paymentTxId() + ":%");
  }

  private int retryCountInDb(String paymentTxId) {
    return jdbc.queryForObject(
        "SELECT retry_count FROM payment_transactions WHERE payment_tx_id = ?", Integer.class, paymentTxId);
  }

  private long revisionInDb(String paymentTxId) {
    return jdbc.queryForObject(
        "SELECT revision FROM payment_transactions WHERE payment_tx_id = ?", Long.class, paymentTxId);
  }
}
