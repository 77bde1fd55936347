package com.ticketing.points;

import com.ticketing.chaos.Chaos;
import com.ticketing.saga.PaymentRequest;
import org.springframework.stereotype.Component;

/** The points activities: fault injection for demos, then one transaction in {@link PointsService}. */
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
    points.debit(request);
  }

  @Override
  public boolean refund(PaymentRequest request) {
    return points.refund(request);
  }
}
