package com.ticketing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.it.ApiClient.Response;
import com.ticketing.it.IntegrationTest;
import com.ticketing.it.SagaEventRecorder.Message;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every refusal is an RFC 9457 problem, and a refused request leaves nothing behind: no payment
 * row, no reservation, no ledger entry, no event.
 */
class BadInputIntegrationTest extends IntegrationTest {

  @Test
  void malformedJsonIsRejected() {
    Hold hold = holdNewSeat(10_000, 1_000);
    String paymentTxId = newPaymentTxId("malformed");

    Response refused =
        api.post(
            "/api/payments",
            "{\"userId\": " + hold.userId() + ", \"reservationId\": " + hold.reservationId()
                + ", \"paymentTxId\": \"" + paymentTxId + "\"");

    assertProblem(refused, 400);
    assertNothingStarted(hold, paymentTxId);
  }

  @Test
  void paymentWithoutUserIdIsRejected() {
    Hold hold = holdNewSeat(10_000, 1_000);
    String paymentTxId = newPaymentTxId("no-user");

    Response refused =
        api.post("/api/payments", Map.of("reservationId", hold.reservationId(), "paymentTxId", paymentTxId));

    assertProblem(refused, 400);
    assertThat(refused.body().path("detail").asString()).contains("userId");
    assertNothingStarted(hold, paymentTxId);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1})
  void nonPositiveReservationIdIsRejected(long reservationId) {
    Hold hold = holdNewSeat(10_000, 1_000);
    String paymentTxId = newPaymentTxId("bad-reservation");

    Response refused = api.pay(hold.userId(), reservationId, paymentTxId);

    assertProblem(refused, 400);
    assertThat(refused.body().path("detail").asString()).contains("reservationId");
    assertNothingStarted(hold, paymentTxId);
  }

  @Test
  void paymentForUnknownReservationIsNotFound() {
    Hold hold = holdNewSeat(10_000, 1_000);
    String paymentTxId = newPaymentTxId("unknown-reservation");

    assertProblem(api.pay(hold.userId(), unknownId(), paymentTxId), 404);
    assertNothingStarted(hold, paymentTxId);
  }

  @Test
  void paymentByUnknownUserIsNotFound() {
    Hold hold = holdNewSeat(10_000, 1_000);
    String paymentTxId = newPaymentTxId("unknown-user");

    assertProblem(api.pay(unknownId(), hold.reservationId(), paymentTxId), 404);
    assertNothingStarted(hold, paymentTxId);
  }

  @Test
  void paymentForAnotherUsersReservationIsForbidden() {
    Hold hold = holdNewSeat(10_000, 1_000);
    long otherUser = newUser(10_000);
    String paymentTxId = newPaymentTxId("not-mine");

    assertProblem(api.pay(otherUser, hold.reservationId(), paymentTxId), 403);
    assertNothingStarted(hold, paymentTxId);
    assertThat(balanceInDb(otherUser)).isEqualTo(10_000);
    assertThat(ledgerRowsOfUser(otherUser)).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "has space",
        "semi;colon",
        "12345678901234567890123456789012345678901234567890123456789012345" // 65 characters
      })
  void invalidPaymentTxIdIsRejected(String paymentTxId) {
    Hold hold = holdNewSeat(10_000, 1_000);

    Response refused = api.pay(hold.userId(), hold.reservationId(), paymentTxId);

    assertProblem(refused, 400);
    assertThat(refused.body().path("detail").asString()).contains("paymentTxId");
    assertNothingStarted(hold, paymentTxId);
  }

  @Test
  void paymentTxIdReusedForAnotherReservationConflicts() {
    Hold first = holdNewSeat(10_000, 1_000);
    String paymentTxId = newPaymentTxId("reused");
    assertThat(api.pay(first.userId(), first.reservationId(), paymentTxId).status()).isEqualTo(202);
    assertThat(awaitFinal(paymentTxId).path("status").asString()).isEqualTo("SUCCESS");
    events.awaitEvents(paymentTxId, "reservation.success");
    long secondSeat = newSeat(2_000);
    Response secondHold = api.hold(first.userId(), secondSeat);
    assertThat(secondHold.status()).isEqualTo(201);
    long secondReservation = secondHold.body().path("reservationId").asLong();

    assertProblem(api.pay(first.userId(), secondReservation, paymentTxId), 409);

    assertThat(paymentRowsOfReservation(secondReservation)).isZero();
    assertThat(reservationStatusInDb(secondReservation)).isEqualTo("HELD");
    assertThat(ledgerOf(paymentTxId)).containsExactly(new LedgerRow("DEBIT", first.userId(), 1_000));
    assertThat(balanceInDb(first.userId())).isEqualTo(9_000);
    events.awaitCaughtUp();
    assertThat(events.of(paymentTxId))
        .allSatisfy(event -> assertThat(event.data().path("reservationId").asLong()).isEqualTo(first.reservationId()));
    assertThat(events.ofReservation(secondReservation)).isEmpty();
  }

  @Test
  void payingAConfirmedReservationConflicts() {
    Hold hold = holdNewSeat(10_000, 1_000);
    String paid = newPaymentTxId("paid");
    assertThat(api.pay(hold.userId(), hold.reservationId(), paid).status()).isEqualTo(202);
    assertThat(awaitFinal(paid).path("reservationStatus").asString()).isEqualTo("CONFIRMED");
    String again = newPaymentTxId("paid-again");

    assertProblem(api.pay(hold.userId(), hold.reservationId(), again), 409);

    assertThat(paymentRows(again)).isZero();
    assertThat(paymentRowsOfReservation(hold.reservationId())).isEqualTo(1);
    assertThat(ledgerOf(again)).isEmpty();
    assertThat(balanceInDb(hold.userId())).isEqualTo(9_000);
    assertNoEvents(again);
  }

  @Test
  void holdingAHeldSeatConflicts() {
    Hold hold = holdNewSeat(10_000, 1_000);
    long otherUser = newUser(10_000);

    assertProblem(api.hold(otherUser, hold.seatId()), 409);

    assertThat(jdbc.queryForList("SELECT user_id FROM reservations WHERE seat_id = ?", Long.class, hold.seatId()))
        .containsExactly(hold.userId());
    assertThat(reservationStatusInDb(hold.reservationId())).isEqualTo("HELD");
  }

  @Test
  void holdingAnUnknownSeatIsNotFound() {
    long userId = newUser(10_000);

    assertProblem(api.hold(userId, unknownId()), 404);

    assertThat(reservationsOfUser(userId)).isZero();
  }

  @Test
  void holdingForAnUnknownUserIsNotFound() {
    long seatId = newSeat(1_000);

    assertProblem(api.hold(unknownId(), seatId), 404);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservations WHERE seat_id = ?", Integer.class, seatId))
        .isZero();
  }

  @Test
  void holdingWithoutSeatIdIsRejected() {
    long userId = newUser(10_000);

    assertProblem(api.post("/api/reservations", Map.of("userId", userId)), 400);

    assertThat(reservationsOfUser(userId)).isZero();
  }

  @Test
  void pollingAnUnknownPaymentIsNotFound() {
    String paymentTxId = newPaymentTxId("never-started");

    assertProblem(api.payment(paymentTxId), 404);

    assertThat(paymentRows(paymentTxId)).isZero();
    assertNoEvents(paymentTxId);
  }

  @Test
  void pointsOfAnUnknownUserAreNotFound() {
    long userId = unknownId();

    assertProblem(api.get("/api/users/" + userId + "/points"), 404);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE id = ?", Integer.class, userId)).isZero();
  }

  @Test
  void nonNumericUserIdIsRejected() {
    Response refused = api.get("/api/users/not-a-number/points");

    assertProblem(refused, 400);
    assertThat(refused.body().path("detail").asString()).contains("not-a-number");
  }

  private static void assertProblem(Response response, int status) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().path("status").asInt()).isEqualTo(status);
    assertThat(response.body().path("title").asString("")).isNotBlank();
    assertThat(response.body().path("detail").asString("")).isNotBlank();
  }

  /** The refused payment left the hold, the points and the topics exactly as they were. */
  private void assertNothingStarted(Hold hold, String paymentTxId) {
    assertThat(paymentRowsOfReservation(hold.reservationId())).isZero();
    assertThat(reservationStatusInDb(hold.reservationId())).isEqualTo("HELD");
    assertThat(ledgerRowsOfUser(hold.userId())).isZero();
    assertThat(balanceInDb(hold.userId())).isEqualTo(10_000);
    assertNoEvents(paymentTxId);
    assertThat(events.ofReservation(hold.reservationId())).isEmpty();
  }

  private void assertNoEvents(String paymentTxId) {
    events.awaitCaughtUp();
    assertThat(events.of(paymentTxId)).extracting(Message::eventId).isEmpty();
  }

  private int reservationsOfUser(long userId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM reservations WHERE user_id = ?", Integer.class, userId);
  }
}
