package com.ticketing.payment;

import static org.assertj.core.api.Assertions.assertThat;

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

  private static SagaState state(PaymentRequest request, PaymentStatus status, String error) {
    return new SagaState(request.paymentTxId(), status, 0, error, false, false, null, 0);
  }

  private long revisionInDb(String paymentTxId) {
    return jdbc.queryForObject(
        "SELECT revision FROM payment_transactions WHERE payment_tx_id = ?", Long.class, paymentTxId);
  }
}
