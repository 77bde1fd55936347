package com.ticketing.payment;

import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.SagaState;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes the saga's progress into its polling row, forward only. */
@Service
public class PaymentProgress {

  private final PaymentTransactionRepository transactions;
  private final Clock clock;

  public PaymentProgress(PaymentTransactionRepository transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Writes the state unless the row already holds a newer revision or a final status. The starter
   * wrote the row before the workflow began; only a saga started some other way (by hand, from the
   * CLI) finds none and creates it. Returns whether the state was written.
   */
  @Transactional
  public boolean record(PaymentRequest request, SagaState state, long revision) {
    Instant now = clock.instant();
    if (write(request, state, revision, now) == 1) {
      return true;
    }
    if (transactions.existsById(request.paymentTxId())) {
      return false;
    }
    transactions.insertIfAbsent(request, now);
    return write(request, state, revision, now) == 1;
  }

  private int write(PaymentRequest request, SagaState state, long revision, Instant now) {
    return transactions.recordProgress(
        request.paymentTxId(),
        state.status().name(),
        state.retryCount(),
        PaymentTransaction.truncate(state.lastError()),
        state.stuckStep(),
        state.stepAttempts(),
        revision,
        now);
  }
}
