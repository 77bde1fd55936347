package com.ticketing.saga;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The saga's custom search attributes, for filtering in the Temporal Web UI and CLI, e.g.
 * {@code PaymentStatus = "NEEDS_ATTENTION"}. They are not encrypted, so they hold ids and states,
 * never personal data. Servers must have them registered (see {@link #definitions()}).
 */
public final class SagaSearchAttributes {

  public static final SearchAttributeKey<String> PAYMENT_STATUS = SearchAttributeKey.forKeyword("PaymentStatus");
  public static final SearchAttributeKey<Long> USER_ID = SearchAttributeKey.forLong("UserId");
  public static final SearchAttributeKey<Long> SEAT_ID = SearchAttributeKey.forLong("SeatId");
  public static final SearchAttributeKey<Long> RETRY_COUNT = SearchAttributeKey.forLong("RetryCount");
  public static final SearchAttributeKey<String> STUCK_STEP = SearchAttributeKey.forKeyword("StuckStep");

  private SagaSearchAttributes() {}

  /** Name and type of each attribute, as a server registers them. */
  public static Map<String, IndexedValueType> definitions() {
    Map<String, IndexedValueType> definitions = new LinkedHashMap<>();
    for (SearchAttributeKey<?> key : new SearchAttributeKey<?>[] {PAYMENT_STATUS, USER_ID, SEAT_ID, RETRY_COUNT, STUCK_STEP}) {
      definitions.put(key.getName(), key.getValueType());
    }
    return definitions;
  }
}
