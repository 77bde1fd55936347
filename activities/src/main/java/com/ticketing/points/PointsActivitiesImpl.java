package com.ticketing.points;

import com.ticketing.chaos.Chaos;
import com.ticketing.chaos.FaultyStep;
import com.ticketing.saga.PaymentRequest;
import org.springframework.stereotype.Component;

/** The points activity: the debit in one transaction, its refusals as payment declines. */
@Component
public class PointsActivitiesImpl implements PointsActivities {

  private final PointsService points;
  private final Chaos chaos;

  public PointsActivitiesImpl(PointsService points, Chaos chaos) {
    this.points = points;
    this.chaos = chaos;
  }

  @Override
  public void debit(PaymentRequest request) {
    chaos.maybeFailPayment();
    try {
      chaos.commit(FaultyStep.DEBIT, () -> {
        points.debit(request);
        return null;
      });
    } catch (PaymentRefusedException refused) {
      throw PaymentDeclined.because(refused.getMessage());
    }
  }
}
