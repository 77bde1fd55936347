package com.ticketing.reservation;

import com.ticketing.chaos.Chaos;
import com.ticketing.chaos.FaultyStep;
import com.ticketing.saga.PaymentRequest;
import org.springframework.stereotype.Component;

/** The reservation activity: the confirm in one transaction, its refusals as rejections. */
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
    try {
      chaos.maybeFailReservationService();
      chaos.maybeRejectConfirm();
      chaos.commit(FaultyStep.CONFIRM, () -> {
        reservations.confirm(request);
        return null;
      });
    } catch (ConfirmRefusedException refused) {
      throw ReservationRejected.because(refused.getMessage());
    }
  }
}
