package com.ticketing.saga;

import com.ticketing.events.SagaEvent;
import com.ticketing.payment.PaymentTransactionActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the polling table and the outbox: keeps every row update the saga writes, in
 * order, with the events written alongside, under the same revision rule as the real table. An
 * outage of one status makes its writes fail the retryable way until it ends.
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
  private volatile SagaState settled;
  private final List<Long> revisions = new CopyOnWriteArrayList<>();
  private final List<Row> refused = new CopyOnWriteArrayList<>();

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

  /**
   * Applies the write as {@code PaymentTransactionRepository.recordProgress} does: only with a
   * newer revision, never to a FAILURE or CANCEL row, never back to PROCESSING (except from
   * NEEDS_ATTENTION) nor from SUCCESS to RETRYING; a refused write keeps its events back and, like
   * the real one, still returns normally.
   */
  @Override
  public void record(PaymentRequest request, SagaState state, long revision, List<SagaEvent> written) {
    steps.add("record " + state.status());
    if (state.status() == down) {
      throw ApplicationFailure.newFailure("database down", "Outage");
    }
    if (!applies(state.status(), revision)) {
      refused.add(new Row(state.status(), state.retryCount(), state.lastError(), state.stuckStep(), state.stepAttempts()));
      return;
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

  private boolean applies(PaymentStatus status, long revision) {
    if (rows.isEmpty()) {
      return true;
    }
    PaymentStatus current = rows.get(rows.size() - 1).status();
    long currentRevision = revisions.get(revisions.size() - 1);
    return revision > currentRevision
        && current != PaymentStatus.FAILURE
        && current != PaymentStatus.CANCEL
        && (status != PaymentStatus.PROCESSING
            || current == PaymentStatus.PROCESSING
            || current == PaymentStatus.NEEDS_ATTENTION)
        && (status != PaymentStatus.RETRYING || current != PaymentStatus.SUCCESS);
  }

  /** The writes the revision rule refused (their events were kept back), in order. */
  List<Row> refused() {
    return List.copyOf(refused);
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The revision of each write, in the order written. */
  List<Long> revisions() {
    return List.copyOf(revisions);
  }

  @Override
  public SagaState recordStart(PaymentRequest request, SagaState state, long revision, List<SagaEvent> written) {
    if (settled != null) {
      steps.add("record-start settled " + settled.status());
      return settled;
    }
    record(request, state, revision, written);
    return null;
  }

  /** The row says the saga is settled with this story: the start writes nothing and returns it. */
  RecordedTransactions settledAs(SagaState story) {
    settled = story;
    return this;
  }

  List<PaymentStatus> statuses() {
    return rows.stream().map(Row::status).toList();
  }
}
