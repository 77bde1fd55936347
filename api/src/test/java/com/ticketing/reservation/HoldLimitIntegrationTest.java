package com.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.it.ApiClient.Response;
import com.ticketing.it.IntegrationTest;
import org.junit.jupiter.api.Test;

/** One user holds at most ticketing.reservation.max-live-holds-per-user (4) seats at once. */
class HoldLimitIntegrationTest extends IntegrationTest {

  private static final int LIMIT = 4;

  @Test
  void theHoldPastTheLimitIsRefusedWith429AndChangesNothing() {
    long userId = newUser(100_000);
    for (int i = 0; i < LIMIT; i++) {
      assertThat(api.hold(userId, newSeat(1_000)).status()).isEqualTo(201);
    }
    long seatId = newSeat(1_000);

    Response refused = api.hold(userId, seatId);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().path("title").asString()).isEqualTo("Too many seats held");
    assertThat(reservationsOfUser(userId)).isEqualTo(LIMIT);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservations WHERE seat_id = ?", Integer.class, seatId))
        .isZero();
  }

  @Test
  void anExpiredHoldNoLongerCounts() {
    long userId = newUser(100_000);
    for (int i = 0; i < LIMIT; i++) {
      assertThat(api.hold(userId, newSeat(1_000)).status()).isEqualTo(201);
    }
    jdbc.update(
        "UPDATE reservations SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE user_id = ? ORDER BY id LIMIT 1",
        userId);

    assertThat(api.hold(userId, newSeat(1_000)).status()).isEqualTo(201);
  }

  @Test
  void theLimitIsPerUser() {
    long busy = newUser(100_000);
    for (int i = 0; i < LIMIT; i++) {
      assertThat(api.hold(busy, newSeat(1_000)).status()).isEqualTo(201);
    }

    assertThat(api.hold(newUser(100_000), newSeat(1_000)).status()).isEqualTo(201);
  }

  private int reservationsOfUser(long userId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM reservations WHERE user_id = ?", Integer.class, userId);
  }
}
