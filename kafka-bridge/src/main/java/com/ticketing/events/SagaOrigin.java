package com.ticketing.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The header {@code ticketing-origin: payment-saga} on every event the saga publishes, so that
 * the inbound listener can tell the saga's own payment.try events from commands.
 */
public final class SagaOrigin {

  public static final String HEADER = "ticketing-origin";
  public static final String PAYMENT_SAGA = "payment-saga";

  private static final byte[] PAYMENT_SAGA_BYTES = PAYMENT_SAGA.getBytes(StandardCharsets.UTF_8);

  private SagaOrigin() {}

  static Header header() {
    return new RecordHeader(HEADER, PAYMENT_SAGA_BYTES.clone());
  }

  /** True when the record was published by the payment saga; another origin is a command. */
  static boolean isPaymentSaga(Headers headers) {
    Header origin = headers.lastHeader(HEADER);
    return origin != null && Arrays.equals(origin.value(), PAYMENT_SAGA_BYTES);
  }
}
