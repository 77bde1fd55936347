package com.ticketing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.it.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A start that died between writing its row and starting the workflow is picked up again. */
class PaymentStartRecoveryIntegrationTest extends IntegrationTest {

  @Test
  void repeatedStartRunsTheSagaWhoseFirstStartDiedBeforeTheWorkflow() {
    Hold hold = holdNewSeat(10_000, 4_000);
    String paymentTxId = newPaymentTxId("orphan");
    // What a crash right after the first start's commit leaves behind: a row and no workflow.
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        "INSERT INTO payment_transactions (payment_tx_id, user_id, seat_id, reservation_id, amount,"
            + " status, retry_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'PROCESSING', 0, ?, ?)",
        paymentTxId, hold.userId(), hold.seatId(), hold.reservationId(), hold.price(), now, now);

    var again = api.pay(hold.userId(), hold.reservationId(), paymentTxId);

    assertThat(again.status()).isEqualTo(202);
    JsonNode done = awaitFinal(paymentTxId);
    assertThat(done.path("status").asString()).isEqualTo("SUCCESS");
    assertThat(ledgerOf(paymentTxId)).containsExactly(new LedgerRow("DEBIT", hold.userId(), 4_000));
    assertThat(balanceInDb(hold.userId())).isEqualTo(6_000);
  }
}
