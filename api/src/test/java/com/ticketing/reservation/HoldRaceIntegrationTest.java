package com.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.it.ApiClient.Response;
import com.ticketing.it.IntegrationTest;
import com.ticketing.it.RowLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Holding a seat whose last hold lapsed, while that hold's payment commits at the same moment. */
class HoldRaceIntegrationTest extends IntegrationTest {

  @Autowired private DataSource dataSource;

  @Test
  void holdingASeatNeverErasesAPaymentCommittedAtTheSameMoment() throws Exception {
    Hold lapsed = holdNewSeat(10_000, 2_000);
    jdbc.update(
        "UPDATE reservations SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = ?",
        lapsed.reservationId());
    String paymentTxId = newPaymentTxId("just-in-time");
    long rival = newUser(10_000);

    CompletableFuture<Response> rivalHold;
    // The debit of the lapsing hold is committing: it holds the reservation's row lock.
    try (RowLock debit =
        RowLock.take(
            dataSource, "UPDATE reservations SET paid_by_tx_id = ? WHERE id = ?", paymentTxId, lapsed.reservationId())) {
      rivalHold = CompletableFuture.supplyAsync(() -> api.hold(rival, lapsed.seatId()));
      RowLock.awaitLockWaiters(jdbc, 1);
      debit.commit();
    }

    Response answer = rivalHold.get(10, TimeUnit.SECONDS);
    try {
      assertThat(answer.status()).as("rival hold %s", answer).isEqualTo(409);
      assertThat(paidByInDb(lapsed.reservationId())).isEqualTo(paymentTxId);
      assertThat(reservationStatusInDb(lapsed.reservationId())).isEqualTo("HELD");
    } finally {
      // This test's payment exists only as the paid-by mark: free the seat again.
      jdbc.update(
          "UPDATE reservations SET status = 'CANCELLED', active_seat_id = NULL, paid_by_tx_id = NULL WHERE id = ?",
          lapsed.reservationId());
    }
  }
}
