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

  /** The id of the seat's live (held or confirmed) reservation, if it has one. */
  @Query("select r.id from Reservation r where r.activeSeatId = :seatId")
  Optional<Long> findLiveIdBySeat(Long seatId);

  /** The user's holds that still wait for a payment. */
  @Query(
      "select count(r) from Reservation r where r.userId = :userId"
          + " and r.status = com.ticketing.reservation.ReservationStatus.HELD and r.expiresAt > :now")
  long countLiveHolds(long userId, Instant now);
}
