package com.ticketing.payment;

import com.ticketing.points.PointsService;
import com.ticketing.reservation.ReservationService;
import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.PaymentStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
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
  private final ApplicationEventPublisher announcements;
  private final Clock clock;

  public PaymentReversalService(
      ReservationService reservations,
      PointsService points,
      PaymentTransactionRepository transactions,
      ApplicationEventPublisher announcements,
      Clock clock) {
    this.reservations = reservations;
    this.points = points;
    this.transactions = transactions;
    this.announcements = announcements;
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
   * its points were already taken (then a workflow does run it). Returns whether it closed it;
   * closing settles the saga as FAILURE ({@link SagaSettled}).
   */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public boolean abandonUnstarted(String paymentTxId, String reason) {
    Optional<PaymentTransaction> row = transactions.findForUpdate(paymentTxId);
    if (row.isEmpty() || points.wasDebited(paymentTxId)) {
      return false;
    }
    Instant now = clock.instant();
    boolean closed = transactions.closeAsFailure(paymentTxId, PaymentTransaction.truncate(reason), now) == 1;
    if (closed) {
      announcements.publishEvent(new SagaSettled(paymentTxId, PaymentStatus.FAILURE, row.get().getCreatedAt(), now));
    }
    return closed;
  }
}
