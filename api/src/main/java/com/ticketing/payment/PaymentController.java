package com.ticketing.payment;

import com.ticketing.apidocs.ProblemResponse;
import com.ticketing.errors.TicketingException;
import com.ticketing.errors.TicketingException.Kind;
import com.ticketing.mode.ServesRest;
import com.ticketing.reservation.ReservationService;
import com.ticketing.saga.PaymentStatus;
import com.ticketing.security.Buyers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Starting a payment saga, and polling it; the poll reads the database, never Temporal. */
@RestController
@ServesRest
@RequestMapping("/api/payments")
public class PaymentController {

  private final PaymentSagaStarter starter;
  private final PaymentQueries queries;
  private final ReservationService reservations;
  private final Buyers buyers;

  public PaymentController(
      PaymentSagaStarter starter, PaymentQueries queries, ReservationService reservations, Buyers buyers) {
    this.starter = starter;
    this.queries = queries;
    this.reservations = reservations;
    this.buyers = buyers;
  }

  /** {@code userId} may be left out when the caller has a buyer JWT (its subject is the user). */
  public record PayRequest(Long userId, Long reservationId, String paymentTxId) {}

  public record PayResponse(String paymentTxId, PaymentStatus status) {}

  @ProblemResponse(
      status = 400,
      when =
          "userId or reservationId missing or not positive, or a paymentTxId that is not "
              + "1 to 64 letters, digits, '.', '_', ':' or '-'")
  @ProblemResponse(
      status = 403,
      when =
          "the reservation belongs to another user; with buyer JWTs, a userId that is not "
              + "the token's subject")
  @ProblemResponse(
      status = 404,
      when =
          "unknown user or reservation (with buyer JWTs, also another buyer's "
              + "reservation)")
  @ProblemResponse(
      status = 409,
      when =
          "the reservation is no longer payable (not HELD), or the paymentTxId belongs to "
              + "another payment")
  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  public PayResponse pay(@RequestBody PayRequest request) {
    Long userId = buyers.actingUserId(request.userId());
    if (buyers.authenticated() && request.reservationId() != null && request.reservationId() > 0) {
      long reservationId = request.reservationId();
      // Another buyer's reservation does not exist for the caller (the starter would say 403).
      buyers.requireOwnedBy(
          reservations.find(reservationId).getUserId(), () -> TicketingException.notFound("reservation", reservationId));
    }
    StartedPayment started = starter.start(new PaymentCommand(userId, request.reservationId(), request.paymentTxId()));
    return new PayResponse(started.paymentTxId(), started.status());
  }

  @ProblemResponse(status = 404, when = "unknown payment (with buyer JWTs, also another buyer's)")
  @GetMapping("/{paymentTxId}")
  public PaymentView poll(@PathVariable String paymentTxId) {
    PaymentView payment = queries.find(paymentTxId);
    buyers.requireOwnedBy(
        payment.userId(),
        () -> new TicketingException(Kind.NOT_FOUND, "Payment not found", "payment " + paymentTxId + " does not exist"));
    return payment;
  }
}
