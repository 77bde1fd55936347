package com.ticketing.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketing.chaos.FaultyStep;
import com.ticketing.events.SagaEvent;
import com.ticketing.events.SagaEventType;
import com.ticketing.it.IntegrationTest;
import com.ticketing.it.RowLock;
import com.ticketing.payment.PaymentReversalActivities;
import com.ticketing.payment.Reversal;
import com.ticketing.reservation.ReservationActivities;
import com.ticketing.saga.PaymentRequest;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Debit attempts as Temporal runs them when answers get lost or attempts overrun: the activities
 * called directly, on the real database, in the interleavings the saga cannot see.
 */
class DebitAttemptsIntegrationTest extends IntegrationTest {

  @Autowired private PointsActivities points;
  @Autowired private ReservationActivities reservations;
  @Autowired private PaymentReversalActivities reversals;
  @Autowired private DataSource dataSource;

  @Test
  void overlappingAttemptsOfOnePaymentDebitOnceAndBothSucceed() throws Exception {
    // The buyer can afford the seat once, not twice: a second debit would be declined.
    Hold hold = holdNewSeat(15_000, 10_000);
    PaymentRequest request = requestFor(hold, newPaymentTxId("overlap"));
    insertPaymentRow(request);

    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      Future<?> first;
      Future<?> second;
      // Both attempts queue on the reservation's lock, as when the first overran its timeout.
      try (RowLock slowTransaction =
          RowLock.take(dataSource, "SELECT id FROM reservations WHERE id = ? FOR UPDATE", hold.reservationId())) {
        first = workers.submit(() -> points.debit(request));
        RowLock.awaitLockWaiters(jdbc, 1);
        second = workers.submit(() -> points.debit(request));
        RowLock.awaitLockWaiters(jdbc, 2);
      }
      first.get(10, TimeUnit.SECONDS);
      second.get(10, TimeUnit.SECONDS);
    } finally {
      workers.shutdownNow();
    }

    assertThat(ledgerOf(request.paymentTxId())).containsExactly(new LedgerRow("DEBIT", hold.userId(), 10_000));
    assertThat(balanceInDb(hold.userId())).isEqualTo(5_000);
    assertThat(paidByInDb(hold.reservationId())).isEqualTo(request.paymentTxId());
  }

  @Test
  void chargesTheReservationsPriceAndRefusesAForgedAmount() {
    Hold hold = holdNewSeat(50_000, 20_000);
    PaymentRequest forged =
        new PaymentRequest(newPaymentTxId("forged"), hold.userId(), hold.seatId(), hold.reservationId(), 1);
    insertPaymentRow(forged);

    assertThatThrownBy(() -> points.debit(forged))
        .isInstanceOfSatisfying(ApplicationFailure.class, declined -> {
          assertThat(declined.getType()).isEqualTo(PaymentDeclined.TYPE);
          assertThat(declined.getOriginalMessage()).contains("does not match the price 20000");
        });
    assertThat(ledgerOf(forged.paymentTxId())).isEmpty();
    assertThat(balanceInDb(hold.userId())).isEqualTo(50_000);
    assertThat(paidByInDb(hold.reservationId())).isNull();
  }

  @Test
  void aLateAttemptAfterTheReversalNeitherDebitsNorConfirms() {
    Hold hold = holdNewSeat(30_000, 9_000);
    PaymentRequest request = requestFor(hold, newPaymentTxId("fenced"));
    insertPaymentRow(request);

    // The saga gave up while an attempt was still on its way; the reversal found nothing taken.
    assertThat(reversals.reverse(request)).isEqualTo(Reversal.NOTHING_DEBITED);

    assertThatThrownBy(() -> points.debit(request))
        .isInstanceOfSatisfying(ApplicationFailure.class, declined ->
            assertThat(declined.getOriginalMessage()).contains("was given up"));
    assertThatThrownBy(() -> reservations.confirm(request, confirmed(request))).isInstanceOf(ApplicationFailure.class);
    assertThat(ledgerOf(request.paymentTxId())).isEmpty();
    assertThat(balanceInDb(hold.userId())).isEqualTo(30_000);
    assertThat(reservationStatusInDb(hold.reservationId())).isEqualTo("HELD");
    assertThat(paidByInDb(hold.reservationId())).isNull();
  }

  @Test
  void aRefundedPaymentIsNeverDebitedOrConfirmedAgain() {
    // What a `temporal workflow reset` to before the debit replays after the saga was reversed.
    Hold hold = holdNewSeat(30_000, 9_000);
    PaymentRequest request = requestFor(hold, newPaymentTxId("replayed"));
    insertPaymentRow(request);
    points.debit(request);
    assertThat(reversals.reverse(request)).isEqualTo(Reversal.REFUNDED);

    assertThatThrownBy(() -> points.debit(request)).isInstanceOf(ApplicationFailure.class);
    assertThatThrownBy(() -> reservations.confirm(request, confirmed(request))).isInstanceOf(ApplicationFailure.class);
    assertThat(reversals.reverse(request)).isEqualTo(Reversal.REFUNDED);

    assertThat(ledgerOf(request.paymentTxId()))
        .containsExactly(
            new LedgerRow("DEBIT", hold.userId(), 9_000), new LedgerRow("REFUND", hold.userId(), 9_000));
    assertThat(balanceInDb(hold.userId())).isEqualTo(30_000);
    assertThat(reservationStatusInDb(hold.reservationId())).isEqualTo("CANCELLED");
  }

  @Test
  void theReversalOfASoldSeatChangesNothing() {
    Hold hold = holdNewSeat(30_000, 9_000);
    PaymentRequest request = requestFor(hold, newPaymentTxId("sold"));
    insertPaymentRow(request);
    points.debit(request);
    reservations.confirm(request, confirmed(request));

    assertThat(reversals.reverse(request)).isEqualTo(Reversal.SEAT_SOLD);

    assertThat(ledgerOf(request.paymentTxId())).containsExactly(new LedgerRow("DEBIT", hold.userId(), 9_000));
    assertThat(reservationStatusInDb(hold.reservationId())).isEqualTo("CONFIRMED");
    assertThat(jdbc.queryForObject(
            "SELECT fenced_at IS NULL FROM payment_transactions WHERE payment_tx_id = ?",
            Boolean.class,
            request.paymentTxId()))
        .isTrue();
  }

  @Test
  void aSlowAttemptCommitsAfterItsTransactionTimeoutAndALaterAttemptFindsItsDebit() {
    Hold hold = holdNewSeat(15_000, 10_000);
    PaymentRequest request = requestFor(hold, newPaymentTxId("slow"));
    insertPaymentRow(request);
    // Longer than the transaction timeout (5 s): what an attempt that overran its step does.
    chaos.setSlowAttempts(1.0, Duration.ofSeconds(6), FaultyStep.DEBIT);

    points.debit(request);
    chaos.reset();
    points.debit(request);

    assertThat(ledgerOf(request.paymentTxId())).containsExactly(new LedgerRow("DEBIT", hold.userId(), 10_000));
    assertThat(balanceInDb(hold.userId())).isEqualTo(5_000);
  }

  /** The reservation.success event the saga hands to its confirm. */
  private static SagaEvent confirmed(PaymentRequest request) {
    return new SagaEvent(SagaEventType.RESERVATION_SUCCESS, request, System.currentTimeMillis(), null, null);
  }

  @Test
  void anAttemptWaitingOnALockFailsWithinTheLockWaitNotTheStepTimeout() {
    Hold hold = holdNewSeat(30_000, 9_000);
    PaymentRequest request = requestFor(hold, newPaymentTxId("lock-wait"));
    insertPaymentRow(request);
    long started;
    long failedAfterMillis;
    try (RowLock slowTransaction =
        RowLock.take(dataSource, "SELECT id FROM reservations WHERE id = ? FOR UPDATE", hold.reservationId())) {
      started = System.nanoTime();
      assertThatThrownBy(() -> points.debit(request)).isNotInstanceOf(ApplicationFailure.class);
      failedAfterMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    // The lock wait is 3 s (ticketing.database.lock-wait-timeout); the step timeout is 10 s.
    assertThat(failedAfterMillis).isBetween(2_500L, 9_000L);
    assertThat(ledgerOf(request.paymentTxId())).isEmpty();
    assertThat(balanceInDb(hold.userId())).isEqualTo(30_000);
    assertThat(List.of(paymentStatusInDb(request.paymentTxId()))).containsExactly("PROCESSING");
  }
}
