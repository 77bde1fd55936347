package com.ticketing.reservation;

import com.ticketing.saga.PaymentRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's hold on a seat, which a payment turns into a confirmed ticket. */
@Entity
@Table(name = "reservations")
public class Reservation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "seat_id", nullable = false)
  private long seatId;

  /** Equals seatId while the seat is taken; its unique key allows one live reservation a seat. */
  @Column(name = "active_seat_id")
  private Long activeSeatId;

  @Column(nullable = false)
  private long amount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReservationStatus status;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "paid_by_tx_id")
  private String paidByTxId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Reservation() {}

  static Reservation hold(long userId, Seat seat, Instant now, Instant expiresAt) {
    Reservation reservation = new Reservation();
    reservation.userId = userId;
    reservation.seatId = seat.getId();
    reservation.activeSeatId = seat.getId();
    reservation.amount = seat.getPrice();
    reservation.status = ReservationStatus.HELD;
    reservation.expiresAt = expiresAt;
    reservation.createdAt = now;
    reservation.updatedAt = now;
    return reservation;
  }

  /**
   * Null when this payment may debit for the reservation, else the reason it may not. The payment
   * must name the reservation's own user, seat and price: a saga started with a forged amount
   * (straight on the Temporal frontend) is refused, never charged what it says.
   */
  public String whyNotPayable(PaymentRequest payment, Instant now) {
    if (userId != payment.userId()) {
      return "reservation " + id + " belongs to another user";
    }
    if (seatId != payment.seatId()) {
      return "reservation " + id + " is for seat " + seatId + ", not seat " + payment.seatId();
    }
    if (amount != payment.amount()) {
      return "amount " + payment.amount() + " does not match the price " + amount + " of reservation " + id;
    }
    if (paidByTxId != null && !paidByTxId.equals(payment.paymentTxId())) {
      return "reservation " + id + " is already paid by payment " + paidByTxId;
    }
    if (status != ReservationStatus.HELD) {
      return "reservation " + id + " is " + status;
    }
    if (!now.isBefore(expiresAt)) {
      return "hold on reservation " + id + " expired at " + expiresAt;
    }
    return null;
  }

  public void markPaidBy(String paymentTxId, Instant now) {
    this.paidByTxId = paymentTxId;
    this.updatedAt = now;
  }

  /** Null when the paid hold can be confirmed for this payment, else the reason it cannot. */
  String whyNotConfirmable(String paymentTxId, Instant now) {
    if (!paymentTxId.equals(paidByTxId)) {
      return "reservation " + id + " is not paid by payment " + paymentTxId;
    }
    if (status != ReservationStatus.HELD) {
      return "reservation " + id + " is " + status;
    }
    if (!now.isBefore(expiresAt)) {
      return "hold on reservation " + id + " expired at " + expiresAt;
    }
    return null;
  }

  public boolean isConfirmedBy(String paymentTxId) {
    return status == ReservationStatus.CONFIRMED && paymentTxId.equals(paidByTxId);
  }

  boolean isHeldFor(String paymentTxId) {
    return status == ReservationStatus.HELD && paymentTxId.equals(paidByTxId);
  }

  boolean isLapsedAt(Instant now) {
    return status == ReservationStatus.HELD && paidByTxId == null && !now.isBefore(expiresAt);
  }

  void confirm(Instant now) {
    moveTo(ReservationStatus.CONFIRMED, now);
  }

  void expire(Instant now) {
    moveTo(ReservationStatus.EXPIRED, now);
  }

  void cancel(Instant now) {
    moveTo(ReservationStatus.CANCELLED, now);
  }

  private void moveTo(ReservationStatus next, Instant now) {
    this.status = next;
    this.activeSeatId = next.occupiesSeat() ? seatId : null;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getUserId() {
    return userId;
  }

  public long getSeatId() {
    return seatId;
  }

  public long getAmount() {
    return amount;
  }

  public ReservationStatus getStatus() {
    return status;
  }

  public String getPaidByTxId() {
    return paidByTxId;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
