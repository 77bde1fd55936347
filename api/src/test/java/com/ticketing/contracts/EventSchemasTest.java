package com.ticketing.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.CloudEventHeaders;
import com.ticketing.events.EventEnvelope;
import com.ticketing.events.SagaEvent;
import com.ticketing.events.SagaEventType;
import com.ticketing.it.EventContracts;
import com.ticketing.outbox.OutboxEntry;
import com.ticketing.saga.PaymentRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The schemas of contracts/events accept what the service writes and refuse what breaks the contract. */
class EventSchemasTest {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final PaymentRequest PAYMENT = new PaymentRequest("demo-1", 1, 7, 3, 34_000);

  private final EventContracts contracts = EventContracts.ofThisRepository();

  @Test
  void everyEventAsTheServiceWritesItKeepsTheContract() {
    long sequence = 1;
    for (SagaEventType type : SagaEventType.values()) {
      boolean explained = type == SagaEventType.PAYMENT_RETRY
          || type == SagaEventType.PAYMENT_FAILURE
          || type == SagaEventType.PAYMENT_CANCEL
          || type == SagaEventType.RESERVATION_FAILURE;
      Integer retryCount = type == SagaEventType.PAYMENT_TRY ? null : 2;
      SagaEvent event = new SagaEvent(type, PAYMENT, 1_795_000_000_123L, retryCount, explained ? "gateway timed out" : null);
      ObjectNode value = written(event, sequence++);

      assertThat(contracts.violations(type.topic(), headersOf(event, value), value)).as(type.topic()).isEmpty();
    }
  }

  @Test
  void anEventWithoutASequenceOrWithAnotherEventsNameBreaksIt() {
    SagaEvent success = new SagaEvent(SagaEventType.PAYMENT_SUCCESS, PAYMENT, 1_795_000_000_123L, null, null);
    ObjectNode withoutSequence = written(success, 1);
    withoutSequence.remove("sequence");
    ObjectNode renamed = written(success, 1).put("eventName", "payment.failure");

    assertThat(contracts.violations("payment.success", headersOf(success, withoutSequence), withoutSequence))
        .anySatisfy(problem -> assertThat(problem).contains("sequence"));
    assertThat(contracts.violations("payment.success", headersOf(success, renamed), renamed)).isNotEmpty();
  }

  @Test
  void aRetryWithoutItsReasonOrCountBreaksIt() {
    SagaEvent retry = new SagaEvent(SagaEventType.PAYMENT_RETRY, PAYMENT, 1_795_000_000_123L, 1, null);
    ObjectNode value = written(retry, 2);

    assertThat(contracts.violations("payment.retry", headersOf(retry, value), value))
        .anySatisfy(problem -> assertThat(problem).contains("reason"));
  }

  @Test
  void headersFromAnotherSourceOrWithoutTheirTimeBreakIt() {
    SagaEvent event = new SagaEvent(SagaEventType.PAYMENT_TRY, PAYMENT, 1_795_000_000_123L, null, null);
    ObjectNode value = written(event, 1);
    Map<String, String> otherSource = headersOf(event, value);
    otherSource.put("ce_source", "/somewhere/else");
    Map<String, String> timeless = headersOf(event, value);
    timeless.remove("ce_time");

    assertThat(contracts.violations("payment.try", otherSource, value)).anySatisfy(p -> assertThat(p).contains("ce_source"));
    assertThat(contracts.violations("payment.try", timeless, value)).anySatisfy(p -> assertThat(p).contains("ce_time"));
  }

  private static ObjectNode written(SagaEvent event, long sequence) {
    return (ObjectNode) JSON.readTree(JSON.writeValueAsString(EventEnvelope.of(event, sequence)));
  }

  /** The headers the relay sends for the event, as a consumer reads them. */
  private static Map<String, String> headersOf(SagaEvent event, ObjectNode value) {
    OutboxEntry row =
        new OutboxEntry(1, event.eventId(), event.type().topic(), PAYMENT.messageKey(), JSON.writeValueAsString(value), null);
    Map<String, String> headers = new LinkedHashMap<>();
    CloudEventHeaders.of(row).forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
    headers.put("ticketing-origin", "payment-saga");
    return headers;
  }
}
