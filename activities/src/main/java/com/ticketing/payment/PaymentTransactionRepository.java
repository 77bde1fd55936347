package com.ticketing.payment;

import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.PaymentStatus;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The polling table. Its writes are all here, each one conditional: an insert decided by the
 * primary key, a status write that only moves forward, a fence that is set once.
 */
public interface PaymentTransactionRepository extends JpaRepository<PaymentTransaction, String> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from PaymentTransaction t where t.paymentTxId = :paymentTxId")
  Optional<PaymentTransaction> findForUpdate(String paymentTxId);

  /** When the row was created and how many payment retries it records; empty without a row. */
  @Query(
      "select t.createdAt as createdAt, t.retryCount as retryCount from PaymentTransaction t"
          + " where t.paymentTxId = :paymentTxId")
  Optional<RowFacts> findFacts(String paymentTxId);

  /** The columns {@link #findFacts} reads. */
  interface RowFacts {
    Instant getCreatedAt();

    int getRetryCount();
  }

  /** Sagas in one status that have not changed since {@code before}, oldest first. */
  List<PaymentTransaction> findTop200ByStatusAndUpdatedAtBeforeOrderByUpdatedAtAsc(
      PaymentStatus status, Instant before);

  /**
   * Creates the PROCESSING row unless one with this id exists; returns true when this call
   * created it. Racing starts of the same paymentTxId are decided by the primary key, not a prior
   * read.
   */
  default boolean insertIfAbsent(PaymentRequest request, Instant now) {
    return insertIgnore(
            request.paymentTxId(),
            request.userId(),
            request.seatId(),
            request.reservationId(),
            request.amount(),
            now)
        == 1;
  }

  @Modifying(flushAutomatically = true)
  @Query(
      value =
          "INSERT IGNORE INTO payment_transactions (payment_tx_id, user_id, seat_id, reservation_id,"
              + " amount, status, retry_count, created_at, updated_at)"
              + " VALUES (:txId, :userId, :seatId, :reservationId, :amount, 'PROCESSING', 0, :now, :now)",
      nativeQuery = true)
  int insertIgnore(
      String txId, long userId, long seatId, long reservationId, long amount, Instant now);

  /**
   * Writes the saga's progress if {@code revision} is newer than the row's and the status moves
   * forward; returns 1 when it did. FAILURE and CANCEL never change; a SUCCESS row never turns
   * RETRYING or PROCESSING again, nor a RETRYING row PROCESSING (a local activity of a lost
   * workflow task may run again on another branch, with a newer revision). The retry count only
   * grows, and only with a RETRYING write, so it always matches the payment.retry events written.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      value =
          "UPDATE payment_transactions SET status = :status,"
              + " retry_count = CASE WHEN :status = 'RETRYING' THEN GREATEST(retry_count, :retryCount) ELSE retry_count END,"
              + " last_error = :lastError, stuck_step = :stuckStep, step_attempts = :stepAttempts,"
              + " revision = :revision, updated_at = :now"
              + " WHERE payment_tx_id = :txId AND revision < :revision AND status NOT IN ('FAILURE', 'CANCEL')"
              + " AND (:status <> 'PROCESSING' OR status IN ('PROCESSING', 'NEEDS_ATTENTION'))"
              + " AND (:status <> 'RETRYING' OR status <> 'SUCCESS')",
      nativeQuery = true)
  int recordProgress(
      String txId,
      String status,
      int retryCount,
      String lastError,
      String stuckStep,
      int stepAttempts,
      long revision,
      Instant now);

  /** Fences the payment (once; a second fence keeps the first time); returns 0 when there is no row. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      value =
          "UPDATE payment_transactions SET fenced_at = COALESCE(fenced_at, :now)"
              + " WHERE payment_tx_id = :txId",
      nativeQuery = true)
  int fence(String txId, Instant now);

  /** Closes a row as FAILURE and fences it, unless it is FAILURE or CANCEL already. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      value =
          "UPDATE payment_transactions SET status = 'FAILURE', last_error = :error,"
              + " fenced_at = COALESCE(fenced_at, :now), updated_at = :now"
              + " WHERE payment_tx_id = :txId AND status NOT IN ('FAILURE', 'CANCEL')",
      nativeQuery = true)
  int closeAsFailure(String txId, String error, Instant now);
}
