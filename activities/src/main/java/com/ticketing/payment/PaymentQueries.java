package com.ticketing.payment;

import com.ticketing.errors.TicketingException;
import com.ticketing.errors.TicketingException.Kind;
import com.ticketing.reservation.Reservation;
import com.ticketing.reservation.ReservationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the polling table; never asks Temporal. */
@Service
public class PaymentQueries {

  private final PaymentTransactionRepository transactions;
  private final ReservationRepository reservations;

  public PaymentQueries(PaymentTransactionRepository transactions, ReservationRepository reservations) {
    this.transactions = transactions;
    this.reservations = reservations;
  }

  @Transactional(readOnly = true)
  public PaymentView find(String paymentTxId) {
    PaymentTransaction tx =
        transactions
            .findById(paymentTxId)
            .orElseThrow(() -> new TicketingException(
                Kind.NOT_FOUND, "Payment not found", "payment " + paymentTxId + " does not exist"));
    var reservationStatus =
        reservations.findById(tx.getReservationId()).map(Reservation::getStatus).orElse(null);
    return PaymentView.of(tx, reservationStatus);
  }
}
