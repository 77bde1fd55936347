package com.ticketing.saga;

import com.ticketing.payment.PaymentTransactionActivities;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the polling table: keeps every row update the saga writes, in order. */
final class RecordedTransactions implements PaymentTransactionActivities {

  /** One write to the payment_transactions row. */
  record Row(PaymentStatus status, int retryCount, String lastError) {}

  private final StepLog steps;
  private final List<Row> rows = new CopyOnWriteArrayList<>();

  RecordedTransactions(StepLog steps) {
    this.steps = steps;
  }

  @Override
  public void record(
      PaymentRequest request, PaymentStatus status, int retryCount, String lastError) {
    steps.add("record " + status);
    rows.add(new Row(status, retryCount, lastError));
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  List<PaymentStatus> statuses() {
    return rows.stream().map(Row::status).toList();
  }
}
