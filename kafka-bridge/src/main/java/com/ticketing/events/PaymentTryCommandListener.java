package com.ticketing.events;

import com.ticketing.errors.TicketingException;
import com.ticketing.payment.PaymentCommand;
import com.ticketing.payment.PaymentSagaStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbound side of the bridge: a {@code payment.try} message starts the saga of its
 * paymentTxId, or joins it when it already runs. The saga's own payment.try events come back
 * here too and simply join their running saga.
 *
 * <p>Accepted values: the event envelope ({@code {"data": {...}}}) or a bare command, each with
 * {@code paymentTxId}, {@code userId} and {@code reservationId}. A command without paymentTxId is
 * refused: a redelivered message would otherwise start a second payment.
 */
@Component
public class PaymentTryCommandListener {

  private static final Logger log = LoggerFactory.getLogger(PaymentTryCommandListener.class);

  private final PaymentSagaStarter starter;
  private final JsonMapper json;

  public PaymentTryCommandListener(PaymentSagaStarter starter, JsonMapper json) {
    this.starter = starter;
    this.json = json;
  }

  @KafkaListener(
      topics = "payment.try",
      groupId = "${ticketing.kafka.consumer-group:payment-saga-bridge}",
      properties = "auto.offset.reset=earliest")
  public void onPaymentTry(String value) {
    PaymentCommand command;
    try {
      command = parse(value);
    } catch (JacksonException | IllegalArgumentException unreadable) {
      log.warn("dropped unreadable payment.try message: {}", unreadable.getMessage());
      return;
    }
    try {
      var started = starter.start(command);
      log.info(
          "payment.try {} {} the saga ({})",
          started.paymentTxId(),
          started.joined() ? "joined" : "started",
          started.status());
    } catch (TicketingException refused) {
      if (refused.kind() == TicketingException.Kind.UNAVAILABLE) {
        throw refused; // transient: let the listener container redeliver it
      }
      log.warn("refused payment.try {}: {}", command.paymentTxId(), refused.getMessage());
    }
  }

  private PaymentCommand parse(String value) {
    JsonNode root = json.readTree(value);
    JsonNode body = root.has("data") ? root.get("data") : root;
    String paymentTxId = body.path("paymentTxId").asString(null);
    if (paymentTxId == null || paymentTxId.isBlank()) {
      throw new IllegalArgumentException("payment.try without paymentTxId");
    }
    return new PaymentCommand(longOrNull(body, "userId"), longOrNull(body, "reservationId"), paymentTxId);
  }

  private static Long longOrNull(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node != null && node.canConvertToLong() ? node.asLong() : null;
  }
}
