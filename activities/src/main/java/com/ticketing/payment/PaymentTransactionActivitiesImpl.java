package com.ticketing.payment;

import com.ticketing.chaos.Chaos;
import com.ticketing.chaos.FaultyStep;
import com.ticketing.events.SagaEvent;
import com.ticketing.outbox.SagaOutbox;
import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.SagaState;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Records the saga's progress in the polling table and its events in the outbox, together. */
@Component
public class PaymentTransactionActivitiesImpl implements PaymentTransactionActivities {

  private final PaymentProgress progress;
  private final SagaOutbox outbox;
  private final Chaos chaos;

  public PaymentTransactionActivitiesImpl(PaymentProgress progress, SagaOutbox outbox, Chaos chaos) {
    this.progress = progress;
    this.outbox = outbox;
    this.chaos = chaos;
  }

  @Override
  public void record(PaymentRequest request, SagaState state, long revision, List<SagaEvent> events) {
    chaos.commit(FaultyStep.RECORD, () -> {
      // The events describe the move: a write that was refused (a repeat, a late or backward
      // attempt) announces nothing; a repeat's events are in the outbox since its first commit.
      if (progress.record(request, state, revision)) {
        outbox.append(events);
      }
      return null;
    });
  }

  @Override
  public SagaState recordStart(PaymentRequest request, SagaState state, long revision, List<SagaEvent> events) {
    return chaos.commit(FaultyStep.RECORD, () -> {
      Optional<SagaState> settled = progress.settled(request.paymentTxId());
      if (settled.isPresent()) {
        return settled.get();
      }
      if (progress.record(request, state, revision)) {
        outbox.append(events);
      }
      return null;
    });
  }
}
