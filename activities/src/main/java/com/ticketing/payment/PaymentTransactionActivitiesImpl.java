package com.ticketing.payment;

import com.ticketing.chaos.Chaos;
import com.ticketing.chaos.FaultyStep;
import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.SagaState;
import org.springframework.stereotype.Component;

/** Records the saga's progress in the polling table. */
@Component
public class PaymentTransactionActivitiesImpl implements PaymentTransactionActivities {

  private final PaymentProgress progress;
  private final Chaos chaos;

  public PaymentTransactionActivitiesImpl(PaymentProgress progress, Chaos chaos) {
    this.progress = progress;
    this.chaos = chaos;
  }

  @Override
  public void record(PaymentRequest request, SagaState state, long revision) {
    chaos.commit(FaultyStep.RECORD, () -> {
      progress.record(request, state, revision);
      return null;
    });
  }
}
