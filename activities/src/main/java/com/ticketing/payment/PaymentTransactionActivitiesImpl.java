package com.ticketing.payment;

import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.SagaState;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Records the saga's progress in the polling table. */
@Component
public class PaymentTransactionActivitiesImpl implements PaymentTransactionActivities {

  private final PaymentTransactionRepository transactions;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public PaymentTransactionActivitiesImpl(
      PaymentTransactionRepository transactions, TransactionTemplate transaction, Clock clock) {
    this.transactions = transactions;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public void record(PaymentRequest request, SagaState state) {
    transaction.executeWithoutResult(
        ignored -> {
          // The starter wrote the row before the workflow began; only a saga started some other
          // way (by hand, from the CLI) finds none and creates it.
          transactions
              .findById(request.paymentTxId())
              .orElseGet(() -> {
                transactions.insertIfAbsent(request, clock.instant());
                return transactions.findById(request.paymentTxId()).orElseThrow();
              })
              .record(state, clock.instant());
        });
  }
}
