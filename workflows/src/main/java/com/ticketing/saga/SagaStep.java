package com.ticketing.saga;

/** One line of the saga's step log, in workflow time. */
public record SagaStep(long atEpochMillis, String step, String outcome, String detail) {}
