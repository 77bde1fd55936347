package com.ticketing.reservation;

import com.ticketing.chaos.Chaos;
import com.ticketing.chaos.FaultyStep;
import com.ticketing.events.SagaEvent;
import com.ticketing.outbox.SagaOutbox;
import com.ticketing.saga.PaymentRequest;
import java.util.List;
import org.springframework.stereotype.Component;

/** The reservation activity: the confirm and its event in one transaction, its refusals as rejections. */
@Component
public class ReservationActivitiesImpl implements ReservationActivities {

  private final ReservationService reservations;
  private final SagaOutbox outbox;
  private final Chaos chaos;

  public ReservationActivitiesImpl(ReservationService reservations, SagaOutbox outbox, Chaos chaos) {
    this.reservations = reservations;
    this.outbox = outbox;
    this.chaos = chaos;
  }

  @Override
  public void confirm(PaymentRequest request, SagaEvent confirmed) {
    try {
      chaos.maybeFailReservationService();
      chaos.maybeRejectConfirm();
      chaos.commit(FaultyStep.CONFIRM, () -> {
        reservations.confirm(request);
        outbox.append(List.of(confirmed));
        return null;
      });
    } catch (ConfirmRefusedException refused) {
      throw ReservationRejected.because(refused.getMessage());
    }
  }
}
