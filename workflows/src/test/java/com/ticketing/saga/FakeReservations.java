package com.ticketing.saga;

import com.ticketing.reservation.ReservationActivities;
import com.ticketing.reservation.ReservationRejected;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A seat service that confirms holds, or rejects them on demand, and records every call. */
final class FakeReservations implements ReservationActivities {

  private final List<PaymentRequest> confirms = new CopyOnWriteArrayList<>();
  private final List<PaymentRequest> releases = new CopyOnWriteArrayList<>();
  private volatile String rejectReason;

  FakeReservations rejectConfirm(String reason) {
    rejectReason = reason;
    return this;
  }

  @Override
  public void confirm(PaymentRequest request) {
    confirms.add(request);
    if (rejectReason != null) {
      throw ReservationRejected.because(rejectReason);
    }
  }

  @Override
  public void release(PaymentRequest request) {
    releases.add(request);
  }

  List<PaymentRequest> confirms() {
    return List.copyOf(confirms);
  }

  List<PaymentRequest> releases() {
    return List.copyOf(releases);
  }
}
