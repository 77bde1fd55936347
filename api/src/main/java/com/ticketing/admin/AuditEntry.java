package com.ticketing.admin;

import java.time.Instant;

/**
 * One operator decision in the audit trail.
 *
 * @param actor who: {@code token:operator}, {@code token:viewer} or {@code jwt:<subject>}
 * @param result {@code accepted}, {@code refused}, {@code not_found}, {@code unavailable}, or
 *     {@code requested} while (or if) its answer is outstanding
 * @param detail the saga's answer or the refusal's reason
 */
public record AuditEntry(
    long id, String paymentTxId, String decision, String reason, String actor, Instant at, String result, String detail) {}
