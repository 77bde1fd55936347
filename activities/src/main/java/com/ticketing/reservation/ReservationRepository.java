package com.ticketing.reservation;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ReservationRepository extends JpaRepository<Reservation, Long> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from Reservation r where r.id = :id")
  Optional<Reservation> findForUpdate(Long id);

  /** The seat's live (held or confirmed) reservation, locked: its paid-by may change under us. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from Reservation r where r.activeSeatId = :seatId")
  Optional<Reservation> findLiveBySeatForUpdate(Long seatId);

  /** The user's holds that still wait for a payment. */
  @Query(
      "select count(r) from Reservation r where r.userId = :userId"
          + " and r.status = com.ticketing.reservation.ReservationStatus.HELD and r.expiresAt > :now")
  long countLiveHolds(long userId, Instant now);
}
