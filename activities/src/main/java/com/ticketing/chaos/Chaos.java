package com.ticketing.chaos;

import com.ticketing.reservation.ConfirmRefusedException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Injects the configured faults (see {@link ChaosProperties}). The knobs start from configuration
 * and can be changed at run time: a demo flips them without a restart, tests set and reset them.
 * With {@code ticketing.chaos.enabled=false} nothing is ever injected.
 *
 * <p>Every effectful step runs through {@link #commit}: its effect in one transaction, which a
 * slow attempt holds open past its activity timeout, and a lost answer after the commit.
 */
@Component
public class Chaos {

  private final boolean enabled;
  private final TransactionTemplate transaction;
  private volatile double paymentFailureRate;
  private volatile double confirmFailureRate;
  private volatile boolean reservationOutage;
  private volatile double lostAckRate;
  private volatile double slowAttemptRate;
  private volatile Duration slowAttempt;
  private volatile Set<FaultyStep> lostAckSteps;
  private volatile Set<FaultyStep> slowSteps;

  public Chaos(ChaosProperties properties, PlatformTransactionManager transactionManager) {
    this.enabled = properties.enabled();
    this.transaction = new TransactionTemplate(transactionManager);
    // The money checks run under row locks and must see the latest commits, not a snapshot.
    this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.paymentFailureRate = properties.paymentFailureRate();
    this.confirmFailureRate = properties.confirmFailureRate();
    this.reservationOutage = properties.reservationOutage();
    this.lostAckRate = properties.lostAckRate();
    this.slowAttemptRate = properties.slowAttemptRate();
    this.slowAttempt = properties.slowAttempt();
    this.lostAckSteps = properties.faultSteps();
    this.slowSteps = properties.faultSteps();
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

  /** Lost answers at this rate, on these steps (all steps when none are named). */
  public void setLostAckRate(double rate, FaultyStep... steps) {
    this.lostAckSteps = stepsOrAll(steps);
    this.lostAckRate = rate;
  }

  /** Slow attempts of this length at this rate, on these steps (all steps when none are named). */
  public void setSlowAttempts(double rate, Duration length, FaultyStep... steps) {
    this.slowSteps = stepsOrAll(steps);
    this.slowAttempt = length;
    this.slowAttemptRate = rate;
  }

  /** Every knob back to off. */
  public void reset() {
    paymentFailureRate = 0;
    confirmFailureRate = 0;
    reservationOutage = false;
    lostAckRate = 0;
    slowAttemptRate = 0;
  }

  /**
   * Runs a step's effect in one transaction (the domain service's own transaction joins it). A
   * slow attempt waits before the commit; a lost answer fails the step after it.
   */
  public <T> T commit(FaultyStep step, Supplier<T> effect) {
    T result =
        transaction.execute(
            status -> {
              T value = effect.get();
              // Written before a stall, so that only the commit is late: a flush after the
              // transaction's timeout would fail and roll the attempt back.
              status.flush();
              maybeStall(step);
              return value;
            });
    maybeLoseAck(step);
    return result;
  }

  /** For a step without a database transaction (a Kafka send), once its effect is done. */
  public void afterEffect(FaultyStep step) {
    maybeStall(step);
    maybeLoseAck(step);
  }

  public void maybeFailPayment() {
    if (strikes(paymentFailureRate)) {
      throw new InjectedFault("payment gateway timed out (injected by ticketing.chaos.payment-failure-rate)");
    }
  }

  /** An outage is transient: the confirm fails retryably until the outage ends (or the saga parks). */
  public void maybeFailReservationService() {
    if (enabled && reservationOutage) {
      throw new InjectedFault("reservation service unavailable (injected by ticketing.chaos.reservation-outage)");
    }
  }

  public void maybeRejectConfirm() {
    if (strikes(confirmFailureRate)) {
      throw new ConfirmRefusedException(
          "reservation service refused the confirmation (injected by ticketing.chaos.confirm-failure-rate)");
    }
  }

  private void maybeStall(FaultyStep step) {
    if (slowSteps.contains(step) && strikes(slowAttemptRate)) {
      try {
        Thread.sleep(slowAttempt.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InjectedFault("slow " + step.label() + " attempt interrupted");
      }
    }
  }

  private void maybeLoseAck(FaultyStep step) {
    if (lostAckSteps.contains(step) && strikes(lostAckRate)) {
      throw new InjectedFault(
          step.label() + " committed, answer lost (injected by ticketing.chaos.lost-ack-rate)");
    }
  }

  private static Set<FaultyStep> stepsOrAll(FaultyStep... steps) {
    return steps.length == 0 ? EnumSet.allOf(FaultyStep.class) : EnumSet.of(steps[0], steps);
  }

  private boolean strikes(double rate) {
    return enabled && rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
  }
}
