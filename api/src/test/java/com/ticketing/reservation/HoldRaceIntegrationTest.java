package com.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.it.ApiClient.Response;
import com.ticketing.it.IntegrationTest;
import com.ticketing.it.RowLock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Holding a seat whose last hold lapsed, while that hold's payment commits at the same moment. */
class HoldRaceIntegrationTest extends IntegrationTest {

  @Autowired private DataSource dataSource;

  @Test
  void concurrentHoldsOfNeighbouringSeatsAllSucceed() throws Exception {
    int buyers = 30;
    List<Long> users = new ArrayList<>();
    List<Long> seats = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      users.add(newUser(10_000));
      seats.add(newSeat(1_000));
    }
    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    CountDownLatch gate = new CountDownLatch(1);
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < buyers; i++) {
        long user = users.get(i);
        long seat = seats.get(i);
        answers.add(pool.submit(() -> {
          gate.await();
          return api.hold(user, seat);
        }));
      }
      gate.countDown();
      for (Future<Response> answer : answers) {
        assertThat(answer.get(30, TimeUnit.SECONDS).status()).as("hold answer").isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.queryForObject(
            "SELECT COUNT(*) FROM reservations WHERE status = 'HELD' AND seat_id BETWEEN ? AND ?",
            Integer.class,
            seats.get(0),
            seats.get(buyers - 1)))
        .isEqualTo(buyers);
  }

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
