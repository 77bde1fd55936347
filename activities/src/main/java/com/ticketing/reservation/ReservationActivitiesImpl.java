package com.ticketing.reservation;

import com.ticketing.chaos.Chaos;
import com.ticketing.saga.PaymentRequest;
import org.springframework.stereotype.Component;

/** The reservation activities, delegating each to one transaction of {@link ReservationService}. */
@Component
public class ReservationActivitiesImpl implements ReservationActivities {

  private final ReservationService reservations;
  private final Chaos chaos;

  public ReservationActivitiesImpl(ReservationService reservations, Chaos chaos) {
    this.reservations = reservations;
    this.chaos = chaos;
  }

  @Override
  public void confirm(PaymentRequest request) {
    chaos.maybeFailReservationService();
    chaos.maybeRejectConfirm();
    reservations.confirm(request);
  }

  @Override
  public boolean release(PaymentRequest request) {
    return reservations.release(request);
  }
}
