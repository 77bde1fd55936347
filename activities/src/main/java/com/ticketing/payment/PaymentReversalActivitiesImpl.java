package com.ticketing.payment;

import com.ticketing.chaos.Chaos;
import com.ticketing.chaos.FaultyStep;
import com.ticketing.saga.PaymentRequest;
import org.springframework.stereotype.Component;

/** The reversal activity: fence, release and refund in one transaction. */
@Component
public class PaymentReversalActivitiesImpl implements PaymentReversalActivities {

  private final PaymentReversalService reversals;
  private final Chaos chaos;

  public PaymentReversalActivitiesImpl(PaymentReversalService reversals, Chaos chaos) {
    this.reversals = reversals;
    this.chaos = chaos;
  }

  @Override
  public Reversal reverse(PaymentRequest request) {
    return chaos.commit(FaultyStep.REVERSE, () -> reversals.reverse(request));
  }
}
