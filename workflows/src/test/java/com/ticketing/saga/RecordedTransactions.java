package com.ticketing.saga;

import com.ticketing.events.SagaEvent;
import com.ticketing.payment.PaymentTransactionActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the polling table and the outbox: keeps every row update the saga writes, in
 * order, with the events written alongside. An outage of one status makes its writes fail the
 * retryable way until it ends.
 */
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
  private final RecordedEvents events;
  private final List<Row> rows = new CopyOnWriteArrayList<>();
  private volatile PaymentStatus down;
  private final List<Long> revisions = new CopyOnWriteArrayList<>();

  RecordedTransactions(StepLog steps, RecordedEvents events) {
    this.steps = steps;
    this.events = events;
  }

  /** Writes of {@code status} fail until {@link #backUp()}. */
  RecordedTransactions outageWhileRecording(PaymentStatus status) {
    down = status;
    return this;
  }

  void backUp() {
    down = null;
  }

  @Override
  public void record(PaymentRequest request, SagaState state, long revision, List<SagaEvent> written) {
    steps.add("record " + state.status());
    if (state.status() == down) {
      throw ApplicationFailure.newFailure("database down", "Outage");
    }
    revisions.add(revision);
    rows.add(
        new Row(
            state.status(),
            state.retryCount(),
            state.lastError(),
            state.stuckStep(),
            state.stepAttempts()));
    events.write(written);
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
