package com.ticketing.saga;

import com.ticketing.points.PaymentDeclined;
import com.ticketing.points.PointsActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A points ledger that can fail or decline debits on demand and records every call. Like the real
 * one, a fenced payment's debits are declined, and only what a debit took can be given back.
 */
final class FakePoints implements PointsActivities {

  /** One debit attempt. */
  record Debit(PaymentRequest request) {}

  private final StepLog steps;
  private final List<Debit> debits = new CopyOnWriteArrayList<>();
  private final Set<String> taken = ConcurrentHashMap.newKeySet();
  private final Set<String> fenced = ConcurrentHashMap.newKeySet();
  private final Set<String> givenBack = ConcurrentHashMap.newKeySet();
  private final AtomicInteger transientFailuresLeft = new AtomicInteger();
  private volatile boolean takePointsBeforeFailing;
  private volatile String declineReason;

  FakePoints(StepLog steps) {
    this.steps = steps;
  }

  /** The next {@code count} debits fail the way a bank timeout does: retryable. */
  FakePoints failFirstDebits(int count) {
    transientFailuresLeft.set(count);
    return this;
  }

  FakePoints failEveryDebit() {
    return failFirstDebits(Integer.MAX_VALUE);
  }

  /** A transient failure happens after the points are taken: the bank's reply was lost. */
  FakePoints takePointsBeforeFailing() {
    takePointsBeforeFailing = true;
    return this;
  }

  /** Declines every debit that is not one of the transient failures asked for first. */
  FakePoints declineDebits(String reason) {
    declineReason = reason;
    return this;
  }

  @Override
  public void debit(PaymentRequest request) {
    steps.add("debit");
    debits.add(new Debit(request));
    if (fenced.contains(request.paymentTxId())) {
      throw PaymentDeclined.because("payment " + request.paymentTxId() + " was given up");
    }
    if (transientFailuresLeft.getAndDecrement() > 0) {
      if (takePointsBeforeFailing) {
        taken.add(request.paymentTxId());
      }
      throw ApplicationFailure.newFailure("bank timeout", "Transient");
    }
    if (declineReason != null) {
      throw PaymentDeclined.because(declineReason);
    }
    taken.add(request.paymentTxId());
  }

  /** Fences the payment and gives back what its debits took; true when there was something. */
  boolean fenceAndGiveBack(String paymentTxId) {
    fenced.add(paymentTxId);
    if (taken.contains(paymentTxId)) {
      givenBack.add(paymentTxId);
      return true;
    }
    return false;
  }

  /** Every debit attempt, whether it took the points or not. */
  List<Debit> debits() {
    return List.copyOf(debits);
  }

  /** The payments whose points were taken and given back. */
  Set<String> givenBack() {
    return Set.copyOf(givenBack);
  }

}
