package com.ticketing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.chaos.Chaos;
import com.ticketing.it.ApiClient.Response;
import com.ticketing.saga.PaymentRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The base of every integration test: the whole service on a random port against the embedded
 * MariaDB, Kafka broker and Temporal test server. Every subclass must keep exactly this
 * configuration, so that all of them share one Spring context and one Temporal worker.
 *
 * <p>Each test makes its own users and seats, so balances and seats never leak between tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(RecordedSpans.class)
public abstract class IntegrationTest {

  /** Above the demo catalogue (users 1-100, seats 1-1,000). */
  private static final AtomicLong IDS = new AtomicLong(100_000);

  /** Long enough for the retry path (1 s + 2 s + 4 s of backoff) on a slow machine. */
  protected static final Duration SAGA_DEADLINE = Duration.ofSeconds(60);

  @LocalServerPort private int port;
  @Autowired private Environment environment;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected Chaos chaos;

  protected ApiClient api;
  protected SagaEventRecorder events;

  /** A user, a seat and the user's hold on it, made through the API. */
  public record Hold(long userId, long seatId, long price, long reservationId) {}

  /** One row of point_ledger. */
  public record LedgerRow(String entryType, long userId, long amount) {}

  @BeforeEach
  void connectToTheService() {
    api = new ApiClient(port);
    events = SagaEventRecorder.startOnce(bootstrapServers());
  }

  @AfterEach
  void switchChaosOff() {
    chaos.reset();
  }

  /** Every saga event consumed during the test keeps contracts/events (see SagaEventRecorder). */
  @AfterEach
  void eventsKeptTheirContract() {
    assertThat(events.takeContractViolations()).as("saga events that break contracts/events").isEmpty();
  }

  protected String bootstrapServers() {
    return environment.getRequiredProperty("spring.kafka.bootstrap-servers");
  }

  protected long newUser(long balance) {
    long id = IDS.incrementAndGet();
    jdbc.update("INSERT INTO users (id, point_balance) VALUES (?, ?)", id, balance);
    if (balance > 0) {
      jdbc.update("INSERT INTO point_grants (user_id, amount, grant_ref) VALUES (?, ?, ?)", id, balance, "it-" + id);
    }
    return id;
  }

  protected long newSeat(long price) {
    long id = IDS.incrementAndGet();
    jdbc.update("INSERT INTO seats (id, label, price) VALUES (?, ?, ?)", id, "IT-" + id, price);
    return id;
  }

  /** An id no user, seat or reservation has. */
  protected static long unknownId() {
    return 9_000_000_000L + IDS.incrementAndGet();
  }

  protected static String newPaymentTxId(String label) {
    return label + "-" + UUID.randomUUID();
  }

  /** A new user with the balance holds a new seat of the price, through the API. */
  protected Hold holdNewSeat(long balance, long price) {
    long userId = newUser(balance);
    long seatId = newSeat(price);
    Response held = api.hold(userId, seatId);
    assertThat(held.status()).as("hold answer %s", held).isEqualTo(201);
    return new Hold(userId, seatId, price, held.body().path("reservationId").asLong());
  }

  /** Polls GET /api/payments/{id} until it says final, and returns that answer. */
  protected JsonNode awaitFinal(String paymentTxId) {
    return awaitFinal(paymentTxId, snapshot -> {});
  }

  /**
   * Polls GET /api/payments/{id} (a 404 counts as "not there yet") until it says final, handing
   * every answer seen on the way to the observer.
   */
  protected JsonNode awaitFinal(String paymentTxId, Consumer<JsonNode> observer) {
    return await("payment " + paymentTxId + " to be final")
        .atMost(SAGA_DEADLINE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Response polled = api.payment(paymentTxId);
              if (polled.status() == 404) {
                return null;
              }
              assertThat(polled.status()).as("poll answer %s", polled).isEqualTo(200);
              observer.accept(polled.body());
              return polled.body();
            },
            view -> view != null && view.path("final").asBoolean());
  }

  /**
   * The outcome of a saga that paid once: SUCCESS, one polling row, one DEBIT, the balance after
   * it, and each happy-path event once (by eventId; a retried publish repeats the same id).
   */
  protected void assertPaidOnce(String paymentTxId, Hold hold, long balanceAfter) {
    JsonNode done = awaitFinal(paymentTxId);
    assertThat(done.path("status").asString()).isEqualTo("SUCCESS");
    assertThat(paymentRows(paymentTxId)).isEqualTo(1);
    assertThat(ledgerOf(paymentTxId)).containsExactly(new LedgerRow("DEBIT", hold.userId(), hold.price()));
    assertThat(balanceInDb(hold.userId())).isEqualTo(balanceAfter);
    assertThat(
            events.awaitEvents(paymentTxId, "payment.try", "payment.success", "reservation.success").stream()
                .map(SagaEventRecorder.Message::eventId)
                .distinct())
        .containsExactlyInAnyOrder(
            paymentTxId + ":payment.try",
            paymentTxId + ":payment.success",
            paymentTxId + ":reservation.success");
  }

  protected long balanceInDb(long userId) {
    return jdbc.queryForObject("SELECT point_balance FROM users WHERE id = ?", Long.class, userId);
  }

  protected List<LedgerRow> ledgerOf(String paymentTxId) {
    return jdbc.query(
        "SELECT entry_type, user_id, amount FROM point_ledger WHERE payment_tx_id = ? ORDER BY id",
        (row, i) -> new LedgerRow(row.getString(1), row.getLong(2), row.getLong(3)),
        paymentTxId);
  }

  protected int ledgerRowsOfUser(long userId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM point_ledger WHERE user_id = ?", Integer.class, userId);
  }

  protected int paymentRows(String paymentTxId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM payment_transactions WHERE payment_tx_id = ?", Integer.class, paymentTxId);
  }

  protected int paymentRowsOfReservation(long reservationId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM payment_transactions WHERE reservation_id = ?", Integer.class, reservationId);
  }

  /** The request the saga of this hold runs with, as the starter builds it. */
  protected static PaymentRequest requestFor(Hold hold, String paymentTxId) {
    return new PaymentRequest(paymentTxId, hold.userId(), hold.seatId(), hold.reservationId(), hold.price());
  }

  /** The polling row a start writes before the workflow runs (PROCESSING). */
  protected void insertPaymentRow(PaymentRequest request) {
    jdbc.update(
        "INSERT INTO payment_transactions (payment_tx_id, user_id, seat_id, reservation_id, amount, status,"
            + " retry_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'PROCESSING', 0, UTC_TIMESTAMP(6),"
            + " UTC_TIMESTAMP(6))",
        request.paymentTxId(), request.userId(), request.seatId(), request.reservationId(), request.amount());
  }

  protected String paymentStatusInDb(String paymentTxId) {
    return jdbc.queryForObject(
        "SELECT status FROM payment_transactions WHERE payment_tx_id = ?", String.class, paymentTxId);
  }

  protected String paidByInDb(long reservationId) {
    return jdbc.queryForObject("SELECT paid_by_tx_id FROM reservations WHERE id = ?", String.class, reservationId);
  }

  protected String reservationStatusInDb(long reservationId) {
    return jdbc.queryForObject("SELECT status FROM reservations WHERE id = ?", String.class, reservationId);
  }
}
