package com.ticketing.reservation;

import com.ticketing.errors.Require;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import com.ticketing.mode.ServesRest;
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

  public ReservationController(ReservationService reservations) {
    this.reservations = reservations;
  }

  public record HoldRequest(Long userId, Long seatId) {}

  public record HoldResponse(
      long reservationId, long userId, long seatId, long amount, ReservationStatus status, Instant expiresAt) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public HoldResponse hold(@RequestBody HoldRequest request) {
    Reservation held =
        reservations.hold(Require.positive("userId", request.userId()), Require.positive("seatId", request.seatId()));
    return new HoldResponse(
        held.getId(), held.getUserId(), held.getSeatId(), held.getAmount(), held.getStatus(), held.getExpiresAt());
  }
}
