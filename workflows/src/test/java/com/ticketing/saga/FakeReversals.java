package com.ticketing.saga;

import com.ticketing.payment.PaymentReversalActivities;
import com.ticketing.payment.Reversal;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reverses payments the way the database does: a seat confirmed for the payment is sold and
 * nothing is undone; otherwise the payment is fenced (later debits are declined) and whatever
 * was taken is given back. An outage makes reversals fail the retryable way until it ends.
 */
final class FakeReversals implements PaymentReversalActivities {

  private final StepLog steps;
  private final FakePoints points;
  private final FakeReservations reservations;
  private final List<PaymentRequest> reversals = new CopyOnWriteArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile boolean outage;
  private volatile boolean seatSold;

  FakeReversals(StepLog steps, FakePoints points, FakeReservations reservations) {
    this.steps = steps;
    this.points = points;
    this.reservations = reservations;
  }

  /** While on, every reversal fails as an unreachable ledger does: retryable. */
  FakeReversals outage(boolean on) {
    outage = on;
    return this;
  }

  /** The reversal finds the seat already confirmed for this payment: a confirm won the race. */
  FakeReversals findsSeatSold() {
    seatSold = true;
    return this;
  }

  @Override
  public Reversal reverse(PaymentRequest request) {
    steps.add("reverse");
    attempts.incrementAndGet();
    if (outage) {
      throw ApplicationFailure.newFailure("points ledger down", "Outage");
    }
    reversals.add(request);
    if (seatSold || reservations.confirmed().contains(request)) {
      return Reversal.SEAT_SOLD;
    }
    return points.fenceAndGiveBack(request.paymentTxId()) ? Reversal.REFUNDED : Reversal.NOTHING_DEBITED;
  }

  /** The reversals that went through. */
  List<PaymentRequest> reversals() {
    return List.copyOf(reversals);
  }

  /** Every reversal call, including those an outage failed. */
  int attempts() {
    return attempts.get();
  }
}
