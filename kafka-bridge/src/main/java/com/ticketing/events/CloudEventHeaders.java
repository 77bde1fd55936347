package com.ticketing.events;

import com.ticketing.outbox.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CloudEvents 1.0 attributes of a saga event as Kafka headers, in the Kafka protocol binding's
 * binary mode (contracts/events/headers.schema.json). They are read from the event as written to
 * the outbox, so an event sent again carries the same headers.
 */
public final class CloudEventHeaders {

  public static final String ID = "ce_id";
  public static final String TYPE = "ce_type";
  public static final String SOURCE = "ce_source";
  public static final String SUBJECT = "ce_subject";
  public static final String TIME = "ce_time";
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String CONTENT_TYPE = "content-type";

  /** Where every saga event comes from. */
  public static final String PAYMENT_SAGA_SOURCE = "/ticketing/payment-saga";
  /** ce_type is this prefix plus the event's name: com.ticketing.payment.success, … */
  public static final String TYPE_PREFIX = "com.ticketing.";

  private static final JsonMapper JSON = JsonMapper.shared();

  private CloudEventHeaders() {}

  public static String typeOf(String eventName) {
    return TYPE_PREFIX + eventName;
  }

  /** ce_id, ce_type, ce_source, ce_specversion, content-type, and ce_subject and ce_time from the payload. */
  public static List<Header> of(OutboxEntry entry) {
    List<Header> headers = new ArrayList<>();
    add(headers, SPEC_VERSION, "1.0");
    add(headers, ID, entry.eventId());
    add(headers, TYPE, typeOf(entry.topic()));
    add(headers, SOURCE, PAYMENT_SAGA_SOURCE);
    JsonNode event = parse(entry.payload());
    add(headers, SUBJECT, event.path("data").path("paymentTxId").asString(null));
    add(headers, TIME, event.path("occurredAt").asString(null));
    add(headers, CONTENT_TYPE, "application/json");
    return headers;
  }

  private static JsonNode parse(String payload) {
    try {
      return JSON.readTree(payload);
    } catch (JacksonException unreadable) {
      // The outbox holds only envelopes the service wrote; without one, the optional attributes are left out.
      return JSON.missingNode();
    }
  }

  private static void add(List<Header> headers, String name, String value) {
    if (value != null) {
      headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
