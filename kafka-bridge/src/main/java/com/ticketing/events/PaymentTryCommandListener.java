package com.ticketing.events;

import com.ticketing.errors.TicketingException;
import com.ticketing.events.InboundCommandMetrics.Result;
import com.ticketing.payment.PaymentCommand;
import com.ticketing.payment.PaymentSagaStarter;
import com.ticketing.payment.StartedPayment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbound side of the bridge: a {@code payment.try} command starts the saga of its
 * paymentTxId, or joins it when it already runs. The saga's own payment.try events (header
 * {@link SagaOrigin}) are skipped without touching the database or Temporal.
 *
 * <p>Accepted values: the event envelope ({@code {"data": {...}}}) or a bare command, each with
 * {@code paymentTxId}, {@code userId} and {@code reservationId}. A message that no redelivery can
 * make work throws {@link CommandRejected} and goes to the dead-letter topic at once; any other
 * failure is transient and redelivered with back-off (see {@link PaymentTryListenerConfiguration}).
 */
@Component
public class PaymentTryCommandListener {

  private static final Logger log = LoggerFactory.getLogger(PaymentTryCommandListener.class);

  private final PaymentSagaStarter starter;
  private final JsonMapper json;
  private final InboundCommandMetrics metrics;

  public PaymentTryCommandListener(PaymentSagaStarter starter, JsonMapper json, InboundCommandMetrics metrics) {
    this.starter = starter;
    this.json = json;
    this.metrics = metrics;
  }

  @KafkaListener(
      topics = PaymentTryListenerConfiguration.COMMAND_TOPIC,
      groupId = "${ticketing.kafka.consumer-group:payment-saga-bridge}",
      containerFactory = PaymentTryListenerConfiguration.CONTAINER_FACTORY,
      properties = "auto.offset.reset=earliest")
  public void onPaymentTry(ConsumerRecord<String, String> record) {
    if (SagaOrigin.isPaymentSaga(record.headers())) {
      metrics.count(Result.SKIPPED_OWN_EVENT);
      return;
    }
    try {
      start(parse(record.value()));
    } catch (CommandRejected rejected) {
      metrics.count(Result.REFUSED);
      throw rejected;
    }
  }

  private void start(PaymentCommand command) {
    StartedPayment started;
    try {
      started = starter.start(command);
    } catch (TicketingException refused) {
      if (refused.kind() == TicketingException.Kind.UNAVAILABLE) {
        throw refused; // transient: redelivered after the back-off
      }
      throw CommandRejected.refused(command.paymentTxId(), refused);
    }
    metrics.count(started.joined() ? Result.JOINED : Result.STARTED);
    log.info(
        "payment.try {} {} the saga ({})",
        started.paymentTxId(),
        started.joined() ? "joined" : "started",
        started.status());
  }

  private PaymentCommand parse(String value) {
    if (value == null) {
      throw CommandRejected.withoutValue();
    }
    try {
      return readCommand(value);
    } catch (JacksonException unreadable) {
      throw CommandRejected.unreadable(unreadable);
    }
  }

  private PaymentCommand readCommand(String value) {
    JsonNode root = json.readTree(value);
    JsonNode body = root.has("data") ? root.get("data") : root;
    String paymentTxId = body.path("paymentTxId").asString(null);
    if (paymentTxId == null || paymentTxId.isBlank()) {
      throw CommandRejected.withoutPaymentTxId();
    }
    return new PaymentCommand(longOrNull(body, "userId"), longOrNull(body, "reservationId"), paymentTxId);
  }

  private static Long longOrNull(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node != null && node.canConvertToLong() ? node.asLong() : null;
  }
}
