package com.ticketing.reservation;

import com.ticketing.errors.TicketingException;
import com.ticketing.errors.TicketingException.Kind;
import com.ticketing.payment.PaymentTransaction;
import com.ticketing.payment.PaymentTransactionRepository;
import com.ticketing.payment.SagaSettled;
import com.ticketing.points.PointsService;
import com.ticketing.points.UserAccountRepository;
import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.PaymentStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds seats, and confirms or releases them for the saga; one transaction per call. Row locks
 * follow the order used everywhere: seat, reservation, payment row, user.
 */
@Service
public class ReservationService {

  private final SeatRepository seats;
  private final ReservationRepository reservations;
  private final UserAccountRepository users;
  private final PaymentTransactionRepository transactions;
  private final PointsService points;
  private final ReservationProperties properties;
  private final ApplicationEventPublisher announcements;
  private final Clock clock;

  public ReservationService(
      SeatRepository seats,
      ReservationRepository reservations,
      UserAccountRepository users,
      PaymentTransactionRepository transactions,
      PointsService points,
      ReservationProperties properties,
      ApplicationEventPublisher announcements,
      Clock clock) {
    this.seats = seats;
    this.reservations = reservations;
    this.users = users;
    this.transactions = transactions;
    this.points = points;
    this.properties = properties;
    this.announcements = announcements;
    this.clock = clock;
  }

  /** Holds the seat for the user until the hold duration runs out; 409 when it is taken. */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public Reservation hold(long userId, long seatId) {
    if (!users.existsById(userId)) {
      throw TicketingException.notFound("user", userId);
    }
    // The seat row lock serialises holds of one seat; the unique live-seat key backs it up.
    Seat seat = seats.findForUpdate(seatId).orElseThrow(() -> TicketingException.notFound("seat", seatId));
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    // Locked too, by its primary key: a debit may be marking the live reservation paid at this
    // very moment, and an expiry written from a stale read would erase that. (A locking read on
    // the live-seat index would lock its gaps as well, and holds of neighbouring seats deadlock.)
    reservations
        .findLiveIdBySeat(seatId)
        .flatMap(reservations::findForUpdate)
        .filter(live -> live.getStatus().occupiesSeat())
        .ifPresent(
            live -> {
              if (!live.isLapsedAt(now)) {
                throw new TicketingException(
                    Kind.CONFLICT,
                    "Seat not available",
                    "seat " + seatId + " is " + (live.getStatus() == ReservationStatus.HELD ? "held" : "sold"));
              }
              live.expire(now);
              reservations.flush();
            });
    requireRoomForAnotherHold(userId, now);
    return reservations.saveAndFlush(
        Reservation.hold(userId, seat, now, now.plus(properties.holdDuration())));
  }

  /**
   * The user's row lock (last in the lock order) serialises the user's holds, so two at once
   * cannot both squeeze under the limit. A refusal rolls back everything, a lapsed hold's expiry too.
   */
  private void requireRoomForAnotherHold(long userId, Instant now) {
    users.findForUpdate(userId);
    long live = reservations.countLiveHolds(userId, now);
    if (live >= properties.maxLiveHoldsPerUser()) {
      throw new TicketingException(
          Kind.LIMITED,
          "Too many seats held",
          "user " + userId + " already holds " + live + " seats (at most " + properties.maxLiveHoldsPerUser()
              + "): pay for one or let it expire first");
    }
  }

  @Transactional(readOnly = true)
  public Reservation find(long reservationId) {
    return reservations
        .findById(reservationId)
        .orElseThrow(() -> TicketingException.notFound("reservation", reservationId));
  }

  /**
   * Confirms the paid hold; idempotent for the same payment. Refuses a payment that was given up
   * (fenced) or whose points are not taken, so a late or replayed confirm can never sell a seat
   * whose money went back. The confirm that sells the seat settles the saga as SUCCESS
   * ({@link SagaSettled}); a repeated one announces nothing.
   */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public void confirm(PaymentRequest request) {
    Reservation reservation =
        reservations
            .findForUpdate(request.reservationId())
            .orElseThrow(() -> refused("reservation " + request.reservationId() + " does not exist"));
    if (reservation.isConfirmedBy(request.paymentTxId())) {
      return;
    }
    Optional<PaymentTransaction> payment = transactions.findForUpdate(request.paymentTxId());
    if (payment.map(PaymentTransaction::isFenced).orElse(false)) {
      throw refused("payment " + request.paymentTxId() + " was given up; its seat cannot be confirmed");
    }
    if (!points.isDebitedAndNotRefunded(request.paymentTxId())) {
      throw refused("payment " + request.paymentTxId() + " has no debit to confirm the seat with");
    }
    Instant now = clock.instant();
    String refusal = reservation.whyNotConfirmable(request.paymentTxId(), now);
    if (refusal != null) {
      throw refused(refusal);
    }
    reservation.confirm(now);
    announcements.publishEvent(
        new SagaSettled(
            request.paymentTxId(), PaymentStatus.SUCCESS, payment.map(PaymentTransaction::getCreatedAt).orElse(now), now));
  }

  /**
   * Frees the seat held for this payment; part of the payment's reversal. Returns false when the
   * reservation is confirmed for this payment (the seat is sold), true otherwise.
   */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public boolean release(PaymentRequest request) {
    var reservation = reservations.findForUpdate(request.reservationId());
    if (reservation.isEmpty()) {
      return true;
    }
    if (reservation.get().isConfirmedBy(request.paymentTxId())) {
      return false;
    }
    if (reservation.get().isHeldFor(request.paymentTxId())) {
      reservation.get().cancel(clock.instant());
    }
    return true;
  }

  private static ConfirmRefusedException refused(String reason) {
    return new ConfirmRefusedException(reason);
  }
}
