package com.ticketing.saga;

import com.ticketing.points.PaymentDeclined;
import com.ticketing.points.PointsActivities;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A points ledger that can fail or decline debits on demand and records every call. */
final class FakePoints implements PointsActivities {

  /** One debit attempt and the workflow time at which the saga scheduled it. */
  record Debit(PaymentRequest request, long scheduledAtMillis) {}

  private final List<Debit> debits = new CopyOnWriteArrayList<>();
  private final List<PaymentRequest> refunds = new CopyOnWriteArrayList<>();
  private final AtomicInteger transientFailuresLeft = new AtomicInteger();
  private volatile String declineReason;

  /** The next {@code count} debits fail the way a bank timeout does: retryable. */
  FakePoints failFirstDebits(int count) {
    transientFailuresLeft.set(count);
    return this;
  }

  FakePoints failEveryDebit() {
    return failFirstDebits(Integer.MAX_VALUE);
  }

  FakePoints declineDebits(String reason) {
    declineReason = reason;
    return this;
  }

  @Override
  public void debit(PaymentRequest request) {
    // The scheduled time comes from the test server's clock, so it shows the skipped workflow time.
    debits.add(
        new Debit(request, Activity.getExecutionContext().getInfo().getScheduledTimestamp()));
    if (declineReason != null) {
      throw PaymentDeclined.because(declineReason);
    }
    if (transientFailuresLeft.getAndDecrement() > 0) {
      throw ApplicationFailure.newFailure("bank timeout", "Transient");
    }
  }

  @Override
  public boolean refund(PaymentRequest request) {
    refunds.add(request);
    return true;
  }

  List<Debit> debits() {
    return List.copyOf(debits);
  }

  List<PaymentRequest> refunds() {
    return List.copyOf(refunds);
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
