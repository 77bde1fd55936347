package com.ticketing.payment;

import com.ticketing.saga.PaymentStatus;
import org.springframework.http.HttpStatus;
import com.ticketing.mode.ServesRest;
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

  public PaymentController(PaymentSagaStarter starter, PaymentQueries queries) {
    this.starter = starter;
    this.queries = queries;
  }

  public record PayRequest(Long userId, Long reservationId, String paymentTxId) {}

  public record PayResponse(String paymentTxId, PaymentStatus status) {}

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  public PayResponse pay(@RequestBody PayRequest request) {
    StartedPayment started =
        starter.start(new PaymentCommand(request.userId(), request.reservationId(), request.paymentTxId()));
    return new PayResponse(started.paymentTxId(), started.status());
  }

  @GetMapping("/{paymentTxId}")
  public PaymentView poll(@PathVariable String paymentTxId) {
    return queries.find(paymentTxId);
  }
}
