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

public interface PaymentTransactionRepository extends JpaRepository<PaymentTransaction, String> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from PaymentTransaction t where t.paymentTxId = :paymentTxId")
  Optional<PaymentTransaction> findForUpdate(String paymentTxId);

  /** Sagas in one status that have not changed since {@code before}, oldest first. */
  List<PaymentTransaction> findTop200ByStatusAndUpdatedAtBeforeOrderByUpdatedAtAsc(
      PaymentStatus status, Instant before);

  /**
   * Creates the PROCESSING row unless one with this id exists; returns 1 when this call created
   * it. Racing starts of the same paymentTxId are decided by the primary key, not a prior read.
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
}
