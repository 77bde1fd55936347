package com.ticketing.chaos;

import com.ticketing.reservation.ReservationRejected;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * Injects the configured faults. The rates start from {@link ChaosProperties} and can be changed
 * at run time (a demo flips them without a restart; tests set and reset them).
 */
@Component
public class Chaos {

  public static final String TRANSIENT_PAYMENT_FAILURE = "TransientPaymentFailure";

  private volatile double paymentFailureRate;
  private volatile double confirmFailureRate;
  private volatile boolean reservationOutage;

  public Chaos(ChaosProperties properties) {
    this.paymentFailureRate = properties.paymentFailureRate();
    this.confirmFailureRate = properties.confirmFailureRate();
    this.reservationOutage = properties.reservationOutage();
  }

  public void setPaymentFailureRate(double rate) {
    this.paymentFailureRate = rate;
  }

  public void setConfirmFailureRate(double rate) {
    this.confirmFailureRate = rate;
  }

  public void setReservationOutage(boolean down) {
    this.reservationOutage = down;
  }

  public void maybeFailPayment() {
    if (strikes(paymentFailureRate)) {
      throw ApplicationFailure.newFailure(
          "payment gateway timed out (injected by ticketing.chaos.payment-failure-rate)",
          TRANSIENT_PAYMENT_FAILURE);
    }
  }

  /** An outage is transient: the confirm fails retryably until the outage ends (or the saga parks). */
  public void maybeFailReservationService() {
    if (reservationOutage) {
      throw ApplicationFailure.newFailure(
          "reservation service unavailable (injected by ticketing.chaos.reservation-outage)",
          "ReservationServiceUnavailable");
    }
  }

  public void maybeRejectConfirm() {
    if (strikes(confirmFailureRate)) {
      throw ReservationRejected.because(
          "reservation service refused the confirmation (injected by ticketing.chaos.confirm-failure-rate)");
    }
  }

  private static boolean strikes(double rate) {
    return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
  }
}
