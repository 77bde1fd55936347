package com.ticketing.payment;

import com.ticketing.events.SagaEvent;
import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.SagaState;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Writes the saga's progress into the polling table that clients read, and announces it. */
@ActivityInterface
public interface PaymentTransactionActivities {

  /**
   * In one transaction: sets the row's status, retry count, last error and stuck step from the
   * saga's state (creating the row if the saga was started without one), and writes the events
   * to the outbox, from which they are sent to Kafka. A write whose {@code revision} is not newer
   * than the row's leaves the row alone, and a FAILURE or CANCEL row never changes again, so a
   * late attempt can never move the row backwards; an event already written is not written again.
   */
  void record(PaymentRequest request, SagaState state, long revision, List<SagaEvent> events);

  /**
   * Records the saga's start as {@link #record} does, unless the database says the saga is settled
   * already (FAILURE, CANCEL, or SUCCESS with its seat CONFIRMED) — a run after a reset, or a
   * finished saga started again by hand: then it writes nothing and returns the row's story, which
   * the saga ends with. Returns null for a saga whose steps are still to run.
   */
  SagaState recordStart(PaymentRequest request, SagaState state, long revision, List<SagaEvent> events);
}
