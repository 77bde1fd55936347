package com.ticketing.outbox;

/** One event waiting in the outbox: where it goes and what it says. */
public record OutboxEntry(long id, String eventId, String topic, String messageKey, String payload) {}
