package com.ticketing.events;

import static com.ticketing.events.InboundKafka.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.it.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.util.backoff.BackOffExecution;

/**
 * A payment.try command that meets a transient failure is delivered again with back-off. The
 * failure is real: the test holds the lock on the payment row the start must insert.
 */
class PaymentTryRetryIntegrationTest extends IntegrationTest {

  /** What the start's insert throws when the test's row lock outlasts its lock wait: transient. */
  private static final String LOCK_TIMEOUT = CannotAcquireLockException.class.getName();

  @Value("${ticketing.kafka.consumer-group}")
  private String listenerGroup;

  @Autowired private MeterRegistry meters;
  @Autowired private DataSource dataSource;
  @Autowired private CommandRetryProperties retry;

  private InboundKafka inbound;
  private InboundCounters counters;

  @BeforeEach
  void connect() {
    inbound = new InboundKafka(bootstrapServers(), listenerGroup);
    counters = new InboundCounters(meters);
  }

  @Test
  void commandThatMeetsALockedRowIsRetriedWithBackOffAndThenStartsTheSaga() throws Exception {
    Hold hold = holdNewSeat(50_000, 12_000);
    String paymentTxId = newPaymentTxId("kafka-locked");
    String key = hold.userId() + "-" + hold.seatId();
    double retriedBefore = counters.count("retried");

    RecordMetadata sent;
    try (var lock = UncommittedPaymentRow.insert(dataSource, paymentTxId, hold)) {
      sent = inbound.send(key, command(hold, paymentTxId), Map.of());
      // Two attempts that each waited out the lock and failed: then the lock goes away.
      await("two retries of " + paymentTxId)
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> counters.count("retried") >= retriedBefore + 2);
    }

    assertPaidOnce(paymentTxId, hold, 38_000);
    inbound.awaitListenerPast(sent);
    assertThat(inbound.deadLetters(key)).isEmpty();
  }

  @Test
  void commandWhoseFailureOutlastsTheBackOffLandsOnTheDeadLetterTopic() throws Exception {
    Hold hold = holdNewSeat(50_000, 13_000);
    String paymentTxId = newPaymentTxId("kafka-exhausted");
    String key = hold.userId() + "-" + hold.seatId();
    String command = command(hold, paymentTxId);
    double retriedBefore = counters.count("retried");
    double deadLetteredBefore = counters.count("dead_lettered");

    RecordMetadata sent;
    ConsumerRecord<String, String> dead;
    try (var lock = UncommittedPaymentRow.insert(dataSource, paymentTxId, hold)) {
      sent = inbound.send(key, command, Map.of());
      dead = inbound.awaitDeadLetter(key, Duration.ofSeconds(90));
    }

    inbound.awaitListenerPast(sent);
    assertThat(inbound.deadLetters(key)).hasSize(1);
    assertThat(dead.value()).isEqualTo(command);
    assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(LOCK_TIMEOUT);
    assertThat(header(dead, "kafka_dlt-exception-message")).contains("Lock wait timeout exceeded");
    assertThat(counters.count("retried") - retriedBefore).isEqualTo(redeliveriesAllowed());
    assertThat(counters.count("dead_lettered")).isEqualTo(deadLetteredBefore + 1);
    assertThat(paymentRows(paymentTxId)).isZero();
    assertThat(reservationStatusInDb(hold.reservationId())).isEqualTo("HELD");
    assertThat(balanceInDb(hold.userId())).isEqualTo(50_000);
  }

  /** How many waits the configured back-off allows before it gives up. */
  private long redeliveriesAllowed() {
    BackOffExecution waits = retry.backOff().start();
    long count = 0;
    while (waits.nextBackOff() != BackOffExecution.STOP) {
      count++;
    }
    return count;
  }

  private static String command(Hold hold, String paymentTxId) {
    return """
        {"paymentTxId": "%s", "userId": %d, "reservationId": %d}"""
        .formatted(paymentTxId, hold.userId(), hold.reservationId());
  }
}
