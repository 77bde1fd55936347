package com.ticketing.reservation;

import com.ticketing.apidocs.ProblemResponse;
import com.ticketing.errors.Require;
import com.ticketing.errors.TicketingException;
import com.ticketing.mode.ServesRest;
import com.ticketing.security.Buyers;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Holding a seat: the step before paying. */
@RestController
@ServesRest
@RequestMapping("/api/reservations")
public class ReservationController {

  private final ReservationService reservations;
  private final Buyers buyers;

  public ReservationController(ReservationService reservations, Buyers buyers) {
    this.reservations = reservations;
    this.buyers = buyers;
  }

  /** {@code userId} may be left out when the caller has a buyer JWT (its subject is the user). */
  public record HoldRequest(Long userId, Long seatId) {}

  public record HoldResponse(
      long reservationId, long userId, long seatId, long amount, ReservationStatus status, Instant expiresAt) {

    static HoldResponse of(Reservation reservation) {
      return new HoldResponse(
          reservation.getId(),
          reservation.getUserId(),
          reservation.getSeatId(),
          reservation.getAmount(),
          reservation.getStatus(),
          reservation.getExpiresAt());
    }
  }

  @ProblemResponse(status = 400, when = "userId or seatId missing or not positive")
  @ProblemResponse(status = 403, when = "with buyer JWTs, a userId that is not the token's subject")
  @ProblemResponse(status = 404, when = "unknown user or seat")
  @ProblemResponse(status = 409, when = "the seat is held or sold")
  @ProblemResponse(
      status = 429,
      when =
          "the user already holds ticketing.reservation.max-live-holds-per-user unexpired "
              + "seats")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public HoldResponse hold(@RequestBody HoldRequest request) {
    long userId = Require.positive("userId", buyers.actingUserId(request.userId()));
    return HoldResponse.of(reservations.hold(userId, Require.positive("seatId", request.seatId())));
  }

  @ProblemResponse(status = 404, when = "unknown reservation (with buyer JWTs, also another buyer's)")
  @GetMapping("/{reservationId}")
  public HoldResponse find(@PathVariable long reservationId) {
    Reservation reservation = reservations.find(reservationId);
    buyers.requireOwnedBy(reservation.getUserId(), () -> TicketingException.notFound("reservation", reservationId));
    return HoldResponse.of(reservation);
  }
}
