package com.ticketing.payment;

import com.ticketing.points.PointsService;
import com.ticketing.reservation.ReservationService;
import com.ticketing.saga.PaymentRequest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a payment up: fences it, so that no debit or confirm still in flight can succeed after
 * this, releases its seat and refunds its debit, all in one transaction under the usual lock order
 * (reservation, payment row, user).
 */
@Service
public class PaymentReversalService {

  private final ReservationService reservations;
  private final PointsService points;
  private final PaymentTransactionRepository transactions;
  private final Clock clock;

  public PaymentReversalService(
      ReservationService reservations,
      PointsService points,
      PaymentTransactionRepository transactions,
      Clock clock) {
    this.reservations = reservations;
    this.points = points;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Transactional(isolation = Isolation.READ_COMMITTED)
  public Reversal reverse(PaymentRequest request) {
    if (!reservations.release(request)) {
      return Reversal.SEAT_SOLD;
    }
    Instant now = clock.instant();
    if (transactions.fence(request.paymentTxId(), now) == 0) {
      transactions.insertIfAbsent(request, now);
      transactions.fence(request.paymentTxId(), now);
    }
    return points.refund(request) ? Reversal.REFUNDED : Reversal.NOTHING_DEBITED;
  }

  /**
   * Closes the row of a saga whose workflow could not be started, as FAILURE and fenced, unless
   * its points were already taken (then a workflow does run it). Returns whether it closed it.
   */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public boolean abandonUnstarted(String paymentTxId, String reason) {
    if (transactions.findForUpdate(paymentTxId).isEmpty() || points.wasDebited(paymentTxId)) {
      return false;
    }
    return transactions.closeAsFailure(paymentTxId, PaymentTransaction.truncate(reason), clock.instant()) == 1;
  }
}
