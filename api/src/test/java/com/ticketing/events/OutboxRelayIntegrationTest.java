package com.ticketing.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.it.IntegrationTest;
import com.ticketing.it.SagaEventRecorder.Message;
import com.ticketing.outbox.OutboxEntry;
import com.ticketing.outbox.RelayLease;
import com.ticketing.outbox.SagaOutbox;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox relay: the saga's events leave the database for Kafka, one relay at a time, in order. */
class OutboxRelayIntegrationTest extends IntegrationTest {

  @Autowired private OutboxRelay relay;
  @Autowired private RelayLease lease;
  @Autowired private SagaOutbox outbox;

  @Test
  void eventsWaitInTheOutboxWhileNoRelayRunsAndLeaveInOrderOnceOneDoes() {
    Hold hold = holdNewSeat(20_000, 3_000);
    String paymentTxId = newPaymentTxId("outbox-wait");
    relay.stop();
    try {
      assertThat(api.pay(hold.userId(), hold.reservationId(), paymentTxId).status()).isEqualTo(202);
      awaitFinal(paymentTxId);
      events.awaitCaughtUp();

      assertThat(events.of(paymentTxId)).isEmpty();
      assertThat(unsentEventIdsOf(paymentTxId))
          .containsExactly(
              paymentTxId + ":payment.try", paymentTxId + ":payment.success", paymentTxId + ":reservation.success");
    } finally {
      relay.start();
    }

    // Three topics: a consumer sees each topic in order, not the three interleaved as written.
    List<Message> published = events.awaitEvents(paymentTxId, "payment.try", "payment.success", "reservation.success");
    assertThat(published)
        .extracting(Message::eventId)
        .containsExactlyInAnyOrder(
            paymentTxId + ":payment.try", paymentTxId + ":payment.success", paymentTxId + ":reservation.success");
    assertThat(unsentEventIdsOf(paymentTxId)).isEmpty();
  }

  @Test
  void anotherInstanceCannotRelayWhileTheLeaseIsHeldAndTakesOverOnceItIsGivenUp() {
    // A saga makes sure the relay is running and holds the lease.
    Hold hold = holdNewSeat(20_000, 3_000);
    String paymentTxId = newPaymentTxId("outbox-lease");
    api.pay(hold.userId(), hold.reservationId(), paymentTxId);
    events.awaitEvents(paymentTxId, "reservation.success");

    assertThat(lease.holdFor("another-instance", Duration.ofSeconds(10))).isFalse();

    relay.stop();
    try {
      assertThat(lease.holdFor("another-instance", Duration.ofSeconds(10))).isTrue();
      assertThat(lease.holdFor("a-third-instance", Duration.ofSeconds(10))).isFalse();
    } finally {
      lease.release("another-instance");
      relay.start();
    }
    String next = newPaymentTxId("outbox-lease-next");
    Hold another = holdNewSeat(20_000, 3_000);
    api.pay(another.userId(), another.reservationId(), next);
    assertThat(events.awaitEvents(next, "payment.try", "payment.success", "reservation.success")).hasSize(3);
  }

  /** The saga's events as the relay sees them: unsent, in the order it sends them. */
  private List<String> unsentEventIdsOf(String paymentTxId) {
    return outbox.unsent(10_000).stream()
        .map(OutboxEntry::eventId)
        .filter(eventId -> eventId.startsWith(paymentTxId + ":"))
        .toList();
  }
}
