package com.ticketing.payment;

import com.ticketing.points.LedgerEntryType;
import com.ticketing.points.PointLedgerRepository;
import com.ticketing.reservation.ReservationRepository;
import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.PaymentStatus;
import com.ticketing.saga.SagaState;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the saga's progress into its polling row, forward only, and announces what a write that
 * applied changed ({@link SagaSettled} for FAILURE and CANCEL, {@link PaymentRetried}).
 */
@Service
public class PaymentProgress {

  private final PaymentTransactionRepository transactions;
  private final ReservationRepository reservations;
  private final PointLedgerRepository ledger;
  private final ApplicationEventPublisher announcements;
  private final Clock clock;

  public PaymentProgress(
      PaymentTransactionRepository transactions,
      ReservationRepository reservations,
      PointLedgerRepository ledger,
      ApplicationEventPublisher announcements,
      Clock clock) {
    this.transactions = transactions;
    this.reservations = reservations;
    this.ledger = ledger;
    this.announcements = announcements;
    this.clock = clock;
  }

  /**
   * The story of a saga the database says is settled — FAILURE, CANCEL, or SUCCESS with its seat
   * CONFIRMED — read under the row's lock; empty for a saga that still has steps to run.
   */
  @Transactional
  public Optional<SagaState> settled(String paymentTxId) {
    return transactions.findForUpdate(paymentTxId).flatMap(row -> {
      boolean sold =
          row.getStatus() == PaymentStatus.SUCCESS
              && reservations.findById(row.getReservationId()).map(r -> r.isConfirmedBy(paymentTxId)).orElse(false);
      if (!row.getStatus().isTerminal() && !sold) {
        return Optional.empty();
      }
      boolean refunded = ledger.existsByPaymentTxIdAndEntryType(paymentTxId, LedgerEntryType.REFUND);
      return Optional.of(
          new SagaState(paymentTxId, row.getStatus(), row.getRetryCount(), row.getLastError(), sold, refunded, null, 0));
    });
  }

  /**
   * Writes the state unless the row already holds a newer revision or a final status. The starter
   * wrote the row before the workflow began; only a saga started some other way (by hand, from the
   * CLI) finds none and creates it. Returns whether the state was written.
   */
  @Transactional
  public boolean record(PaymentRequest request, SagaState state, long revision) {
    Instant now = clock.instant();
    Optional<PaymentTransactionRepository.RowFacts> before = factsIfAnnounced(request, state);
    boolean applied = write(request, state, revision, now) == 1;
    if (!applied && !transactions.existsById(request.paymentTxId())) {
      transactions.insertIfAbsent(request, now);
      applied = write(request, state, revision, now) == 1;
    }
    if (applied) {
      announce(request, state, before, now);
    }
    return applied;
  }

  /** Reads the row before the write only for the writes that may be announced (rare ones). */
  private Optional<PaymentTransactionRepository.RowFacts> factsIfAnnounced(PaymentRequest request, SagaState state) {
    PaymentStatus status = state.status();
    return status.isTerminal() || status == PaymentStatus.RETRYING
        ? transactions.findFacts(request.paymentTxId())
        : Optional.empty();
  }

  private void announce(
      PaymentRequest request, SagaState state, Optional<PaymentTransactionRepository.RowFacts> before, Instant now) {
    // A write to a FAILURE or CANCEL row never applies: the first terminal write is the only one.
    if (state.status().isTerminal()) {
      Instant startedAt = before.map(PaymentTransactionRepository.RowFacts::getCreatedAt).orElse(now);
      announcements.publishEvent(new SagaSettled(request.paymentTxId(), state.status(), startedAt, now));
    }
    // A retry's status can be written again (after parking, with a newer revision): count it once.
    int retriesBefore = before.map(PaymentTransactionRepository.RowFacts::getRetryCount).orElse(0);
    if (state.status() == PaymentStatus.RETRYING && state.retryCount() > retriesBefore) {
      announcements.publishEvent(new PaymentRetried(request.paymentTxId(), state.retryCount()));
    }
  }

  private int write(PaymentRequest request, SagaState state, long revision, Instant now) {
    return transactions.recordProgress(
        request.paymentTxId(),
        state.status().name(),
        state.retryCount(),
        PaymentTransaction.truncate(state.lastError()),
        state.stuckStep(),
        state.stepAttempts(),
        revision,
        now);
  }
}
