package com.ticketing.saga;

import com.ticketing.events.SagaEvent;
import com.ticketing.reservation.ReservationActivities;
import com.ticketing.reservation.ReservationRejected;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A seat service that confirms holds, or rejects them on demand, and records every call. A confirm
 * can be held in flight so that a test can act (e.g. cancel the saga) while it runs, and an outage
 * makes every confirm fail the retryable way until it ends.
 */
final class FakeReservations implements ReservationActivities {

  /** Long enough for any test step, short enough that a forgotten gate cannot hang the build. */
  private static final long HELD_CONFIRM_LIMIT_SECONDS = 10;

  private final StepLog steps;
  private final RecordedEvents events;
  private final List<PaymentRequest> confirms = new CopyOnWriteArrayList<>();
  private final List<PaymentRequest> confirmed = new CopyOnWriteArrayList<>();
  private final CountDownLatch confirmStarted = new CountDownLatch(1);
  private final CountDownLatch confirmGate = new CountDownLatch(1);
  private volatile boolean holdConfirms;
  private volatile String rejectReason;
  private volatile boolean confirmOutage;
  private volatile boolean loseConfirmAnswers;

  FakeReservations(StepLog steps, RecordedEvents events) {
    this.steps = steps;
    this.events = events;
  }

  FakeReservations rejectConfirm(String reason) {
    rejectReason = reason;
    return this;
  }

  /** While on, every confirm fails as an unreachable service does: retryable. */
  FakeReservations confirmOutage(boolean on) {
    confirmOutage = on;
    return this;
  }

  /** While on, every confirm goes through and then fails as if its answer was lost: retryable. */
  FakeReservations loseConfirmAnswers(boolean on) {
    loseConfirmAnswers = on;
    return this;
  }

  /** Every confirm waits, once started, until {@link #letConfirmsFinish()}. */
  FakeReservations holdConfirms() {
    holdConfirms = true;
    return this;
  }

  void letConfirmsFinish() {
    confirmGate.countDown();
  }

  /** Counts down when the first confirm has started. */
  CountDownLatch confirmStarted() {
    return confirmStarted;
  }

  @Override
  public void confirm(PaymentRequest request, SagaEvent confirmedEvent) {
    steps.add("confirm");
    confirms.add(request);
    confirmStarted.countDown();
    if (holdConfirms) {
      awaitGate();
    }
    if (confirmOutage) {
      throw ApplicationFailure.newFailure("reservation service down", "Outage");
    }
    if (rejectReason != null) {
      throw ReservationRejected.because(rejectReason);
    }
    if (!confirmed.contains(request)) {
      confirmed.add(request);
    }
    events.write(List.of(confirmedEvent));
    if (loseConfirmAnswers) {
      throw ApplicationFailure.newFailure("reservation service answer lost", "Outage");
    }
  }

  /** Every confirm attempt, whether it went through or not. */
  List<PaymentRequest> confirms() {
    return List.copyOf(confirms);
  }

  /** The confirms that went through: the seats that are sold. */
  List<PaymentRequest> confirmed() {
    return List.copyOf(confirmed);
  }

  private void awaitGate() {
    try {
      if (!confirmGate.await(HELD_CONFIRM_LIMIT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("held confirm was never let finish");
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(interrupted);
    }
  }
}
