package com.ticketing.outbox;

/**
 * One event waiting in the outbox: where it goes, what it says, and the traceparent of the step
 * that wrote it (null without one).
 */
public record OutboxEntry(
    long id, String eventId, String topic, String messageKey, String payload, String traceparent) {}
