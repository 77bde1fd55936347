package com.ticketing.payment;

import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.PaymentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import java.time.Instant;

/**
 * A row of the polling table: what the client sees of one saga. Read-only for JPA: every write is
 * a conditional statement of {@link PaymentTransactionRepository}, so that no full-row update from
 * a stale read can undo a newer status or a fence.
 */
@Entity
@Immutable
@Table(name = "payment_transactions")
public class PaymentTransaction {

  static final int MAX_ERROR_LENGTH = 500;

  @Id
  @Column(name = "payment_tx_id")
  private String paymentTxId;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "seat_id", nullable = false)
  private long seatId;

  @Column(name = "reservation_id", nullable = false)
  private long reservationId;

  @Column(nullable = false)
  private long amount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PaymentStatus status;

  @Column(name = "retry_count", nullable = false)
  private int retryCount;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "stuck_step")
  private String stuckStep;

  @Column(name = "step_attempts", nullable = false)
  private int stepAttempts;

  @Column(nullable = false)
  private long revision;

  @Column(name = "fenced_at")
  private Instant fencedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected PaymentTransaction() {}

  static String truncate(String error) {
    return error == null || error.length() <= MAX_ERROR_LENGTH
        ? error
        : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }

  /** Given up by a compensation or a failed start: no debit or confirm may happen for it any more. */
  public boolean isFenced() {
    return fencedAt != null;
  }

  public boolean isFor(long userId, long reservationId) {
    return this.userId == userId && this.reservationId == reservationId;
  }

  public PaymentRequest toRequest() {
    return new PaymentRequest(paymentTxId, userId, seatId, reservationId, amount);
  }

  public String getPaymentTxId() {
    return paymentTxId;
  }

  public long getUserId() {
    return userId;
  }

  public long getSeatId() {
    return seatId;
  }

  public long getReservationId() {
    return reservationId;
  }

  public long getAmount() {
    return amount;
  }

  public PaymentStatus getStatus() {
    return status;
  }

  public int getRetryCount() {
    return retryCount;
  }

  public String getLastError() {
    return lastError;
  }

  public String getStuckStep() {
    return stuckStep;
  }

  public int getStepAttempts() {
    return stepAttempts;
  }

  public long getRevision() {
    return revision;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
