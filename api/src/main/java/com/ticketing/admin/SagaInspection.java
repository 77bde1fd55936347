package com.ticketing.admin;

import com.ticketing.saga.SagaState;
import com.ticketing.saga.SagaStep;
import java.util.List;

/**
 * A saga seen from both sides: the polling row, and the workflow's live state and step log
 * (null with {@code liveError} when the workflow cannot be queried); and the operator decisions
 * sent to it through this API, newest first.
 */
public record SagaInspection(
    SagaSummary row, SagaState live, List<SagaStep> steps, String liveError, List<AuditEntry> decisions) {}
