package com.ticketing.saga;

import com.ticketing.points.PaymentDeclined;
import com.ticketing.points.PointsActivities;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A points ledger that can fail or decline debits on demand and records every call. A refund gives
 * back only what a debit took, as the real ledger does; an outage makes refunds fail the retryable
 * way until it ends.
 */
final class FakePoints implements PointsActivities {

  /** One debit attempt and the workflow time at which the saga scheduled it. */
  record Debit(PaymentRequest request, long scheduledAtMillis) {}

  private final StepLog steps;
  private final List<Debit> debits = new CopyOnWriteArrayList<>();
  private final Set<String> taken = ConcurrentHashMap.newKeySet();
  private final List<PaymentRequest> refunds = new CopyOnWriteArrayList<>();
  private final AtomicInteger refundAttempts = new AtomicInteger();
  private final AtomicInteger transientFailuresLeft = new AtomicInteger();
  private volatile boolean takePointsBeforeFailing;
  private volatile String declineReason;
  private volatile boolean refundOutage;

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

  /** While on, every refund fails as an unreachable ledger does: retryable. */
  FakePoints refundOutage(boolean on) {
    refundOutage = on;
    return this;
  }

  @Override
  public void debit(PaymentRequest request) {
    steps.add("debit");
    // The scheduled time comes from the test server's clock, so it shows the skipped workflow time.
    debits.add(
        new Debit(request, Activity.getExecutionContext().getInfo().getScheduledTimestamp()));
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

  @Override
  public boolean refund(PaymentRequest request) {
    steps.add("refund");
    refundAttempts.incrementAndGet();
    if (refundOutage) {
      throw ApplicationFailure.newFailure("points ledger down", "Outage");
    }
    refunds.add(request);
    return taken.contains(request.paymentTxId());
  }

  /** Every debit attempt, whether it took the points or not. */
  List<Debit> debits() {
    return List.copyOf(debits);
  }

  /** The refunds that went through (whether or not they found points to give back). */
  List<PaymentRequest> refunds() {
    return List.copyOf(refunds);
  }

  /** Every refund call, including those an outage failed. */
  int refundAttempts() {
    return refundAttempts.get();
  }

  /** Milliseconds of workflow time between one debit attempt and the next. */
  List<Long> millisBetweenDebits() {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < debits.size(); i++) {
      gaps.add(debits.get(i).scheduledAtMillis() - debits.get(i - 1).scheduledAtMillis());
    }
    return gaps;
  }
}
