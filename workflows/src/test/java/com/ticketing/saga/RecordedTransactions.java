package com.ticketing.saga;

import com.ticketing.payment.PaymentTransactionActivities;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the polling table: keeps every row update the saga writes, in order. */
final class RecordedTransactions implements PaymentTransactionActivities {

  /** One write to the payment_transactions row. */
  record Row(
      PaymentStatus status, int retryCount, String lastError, String stuckStep, int stepAttempts) {

    /** A row of a saga that is not parked. */
    Row(PaymentStatus status, int retryCount, String lastError) {
      this(status, retryCount, lastError, null, 0);
    }
  }

  private final StepLog steps;
  private final List<Row> rows = new CopyOnWriteArrayList<>();
  private final List<Long> revisions = new CopyOnWriteArrayList<>();

  RecordedTransactions(StepLog steps) {
    this.steps = steps;
  }

  @Override
  public void record(PaymentRequest request, SagaState state, long revision) {
    steps.add("record " + state.status());
    revisions.add(revision);
    rows.add(
        new Row(
            state.status(),
            state.retryCount(),
            state.lastError(),
            state.stuckStep(),
            state.stepAttempts()));
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The revision of each write, in the order written. */
  List<Long> revisions() {
    return List.copyOf(revisions);
  }

  List<PaymentStatus> statuses() {
    return rows.stream().map(Row::status).toList();
  }
}
