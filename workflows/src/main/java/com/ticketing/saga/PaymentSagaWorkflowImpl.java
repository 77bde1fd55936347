package com.ticketing.saga;

import static com.ticketing.events.SagaEventType.PAYMENT_CANCEL;
import static com.ticketing.events.SagaEventType.PAYMENT_FAILURE;
import static com.ticketing.events.SagaEventType.PAYMENT_RETRY;
import static com.ticketing.events.SagaEventType.PAYMENT_SUCCESS;
import static com.ticketing.events.SagaEventType.PAYMENT_TRY;
import static com.ticketing.events.SagaEventType.RESERVATION_FAILURE;
import static com.ticketing.events.SagaEventType.RESERVATION_SUCCESS;

import com.ticketing.events.SagaEvent;
import com.ticketing.events.SagaEventType;
import com.ticketing.payment.PaymentReversalActivities;
import com.ticketing.payment.PaymentTransactionActivities;
import com.ticketing.payment.Reversal;
import com.ticketing.points.PaymentDeclined;
import com.ticketing.points.PointsActivities;
import com.ticketing.reservation.ReservationActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The payment saga, top to bottom as in the sequence diagram: try → debit (with visible retries)
 * → success → confirm the seat, or reverse the payment (fence it, release the seat, refund) when
 * the debit did not go through or the seat cannot be confirmed. The polling row turns FAILURE or
 * CANCEL only after the reversal settled the money.
 *
 * <p>Every step is a local activity: one database transaction that writes its effect, the row's
 * status and the step's events (to the outbox, relayed to Kafka) together. A happy saga runs in
 * one workflow task. Every infrastructure step runs through {@link #step}: past its retry budget
 * the saga parks in NEEDS_ATTENTION and waits for an operator's {@code retry} or
 * {@code compensate}.
 */
public class PaymentSagaWorkflowImpl implements PaymentSagaWorkflow {

  /** Change id: a saga whose row is settled ends with the row's story instead of replaying its steps. */
  static final String SETTLED_SAGA_KEEPS_ITS_STORY = "settled-saga-keeps-its-story";
  /** Change id: a status write retried after parking takes a fresh revision and writes its events. */
  static final String RECORD_AFTER_PARKING_WRITES_ITS_EVENTS = "record-after-parking-writes-its-events";
  /** Change id: an operator decision that arrives with the attention timeout is the one that runs. */
  static final String ACCEPTED_DECISION_BEATS_TIMEOUT = "accepted-decision-beats-timeout";

  private PointsActivities payment;
  private ReservationActivities reservations;
  private PaymentReversalActivities reversals;
  private PaymentTransactionActivities transactions;
  private PaymentTransactionActivities transactionsBestEffort;

  private PaymentRequest request;
  private SagaPolicy policy;
  private SagaState state;
  private long revision;
  private final List<SagaStep> stepLog = new ArrayList<>();
  private OperatorDecision decision;
  private boolean compensating;

  @Override
  public SagaState pay(PaymentRequest request, SagaPolicy policy) {
    begin(request, policy);
    try {
      SagaState settled = recordStart();
      if (settled != null) {
        return endAsSettled(settled);
      }

      if (!debitWithBackoff()) {
        // A decline or the last failed attempt may come after an earlier attempt's debit
        // committed (a lost answer, an overrun): only the reversal knows what was taken.
        reversePayment(state.lastError(), Undo.PAYMENT_FAILED);
        return state;
      }
      state = state.withStatus(PaymentStatus.SUCCESS, null);
      record(event(PAYMENT_SUCCESS, null));

      confirmOrCompensate();
    } catch (OperatorGaveUp gaveUp) {
      reversePayment(gaveUp.getMessage(), Undo.GIVEN_UP);
    } catch (CanceledFailure cancelled) {
      Workflow.newDetachedCancellationScope(this::closeCancelledSaga).run();
      throw cancelled;
    }
    return state;
  }

  /**
   * PROCESSING and payment.try — unless the database says the saga is settled already (a run after
   * a reset, or a finished saga started again by hand): then returns the row's story, and nothing
   * is written. Replaying the steps of a settled saga could only end in another story than its row
   * and events tell (a reset CANCEL saga's fenced debit would end it as FAILURE).
   */
  private SagaState recordStart() {
    SagaEvent tried = event(PAYMENT_TRY, null);
    if (Workflow.getVersion(SETTLED_SAGA_KEEPS_ITS_STORY, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      record(tried);
      return null;
    }
    LongSupplier revision = revisionPerRun(true);
    return step("record-processing", () -> transactions.recordStart(request, state, revision.getAsLong(), List.of(tried)));
  }

  private SagaState endAsSettled(SagaState settled) {
    state = settled;
    log("record-processing", "settled already", "the row says " + settled.status() + "; no step runs again");
    tagSearchAttributes();
    return state;
  }

  /** Returns whether the points were taken; otherwise the reason is the state's last error. */
  private boolean debitWithBackoff() {
    for (int retry = 1; ; retry++) {
      try {
        payment.debit(request);
        log("debit-points", "done", null);
        return true;
      } catch (ActivityFailure failure) {
        rethrowIfCancelled(failure);
        String reason = reasonOf(failure);
        log("debit-points", "failed", reason);
        if (isDeclined(failure)) {
          state = state.withStatus(state.status(), reason);
          return false;
        }
        if (retry > PaymentRetryPolicy.MAX_RETRIES) {
          state = state.withStatus(state.status(),
              "payment failed after " + PaymentRetryPolicy.MAX_RETRIES + " retries: " + reason);
          return false;
        }
        state = state.retrying(retry, reason);
        record(event(PAYMENT_RETRY, reason));
        tagSearchAttributes();
        Workflow.sleep(PaymentRetryPolicy.delayBefore(retry));
      }
    }
  }

  private void confirmOrCompensate() {
    try {
      SagaEvent confirmed = event(RESERVATION_SUCCESS, null);
      step("confirm-reservation", () -> {
        reservations.confirm(request, confirmed);
        return null;
      });
    } catch (ActivityFailure | OperatorGaveUp notConfirmed) {
      String reason = notConfirmed instanceof ActivityFailure rejected ? reasonOf(rejected) : notConfirmed.getMessage();
      reversePayment(reason, Undo.SEAT_NOT_CONFIRMED);
      return;
    }
    state = state.confirmed();
    tagSearchAttributes();
  }

  /** Why the saga undoes its payment, which decides how it ends and what it announces. */
  private enum Undo {
    /** The debit was declined or its retries ran out: FAILURE, whatever was refunded. */
    PAYMENT_FAILED,
    /** The seat could not be confirmed: reservation.failure, then CANCEL (or FAILURE). */
    SEAT_NOT_CONFIRMED,
    /** An operator, the attention timeout or a cancel gave up: CANCEL, or FAILURE if nothing was taken. */
    GIVEN_UP
  }

  /**
   * Undoes the payment, then closes the saga: FAILURE when the payment itself failed or nothing
   * was debited, CANCEL when a debit was refunded. The events follow what the reversal found, so
   * a seat that turns out sold is announced as sold, never as failed. Runs detached so that
   * cancelling the workflow can never stop a reversal half-way; only {@code retry} can move a
   * parked reversal on.
   */
  private void reversePayment(String reason, Undo why) {
    compensating = true;
    Workflow.newDetachedCancellationScope(
            () -> {
              Reversal reversal = step("reverse-payment", () -> reversals.reverse(request));
              if (reversal == Reversal.SEAT_SOLD) {
                // A confirm whose answer was lost, or that raced the reversal, sold the seat.
                finishAsSold();
                return;
              }
              state = state.refunded(reversal == Reversal.REFUNDED);
              boolean cancelled = state.refunded() && why != Undo.PAYMENT_FAILED;
              List<SagaEvent> announced = new ArrayList<>();
              if (why == Undo.SEAT_NOT_CONFIRMED) {
                announced.add(event(RESERVATION_FAILURE, reason));
              }
              state = state.withStatus(cancelled ? PaymentStatus.CANCEL : PaymentStatus.FAILURE, reason);
              announced.add(event(cancelled ? PAYMENT_CANCEL : PAYMENT_FAILURE, reason));
              record(announced.toArray(SagaEvent[]::new));
              tagSearchAttributes();
            })
        .run();
  }

  private void closeCancelledSaga() {
    if (state.reservationConfirmed()) {
      finishAsSold();
    } else {
      reversePayment("saga cancelled before completion", Undo.GIVEN_UP);
    }
  }

  private void finishAsSold() {
    // Written even when the saga already says SUCCESS: parking may have left the row elsewhere.
    // The event repeats its eventId, so consumers drop it if it was announced already.
    state = state.confirmed().withStatus(PaymentStatus.SUCCESS, null);
    record(event(RESERVATION_SUCCESS, null));
    tagSearchAttributes();
  }

  // ---- infrastructure steps and parking -------------------------------------------------------

  /**
   * Runs one infrastructure step. Temporal retries it up to the policy's budget; after that the
   * saga parks until an operator decides. Business rejections pass through to the caller.
   */
  private <T> T step(String name, Supplier<T> action) {
    int attempts = 0;
    while (true) {
      try {
        T result = action.get();
        log(name, "done", null);
        return result;
      } catch (ActivityFailure failure) {
        rethrowIfCancelled(failure);
        if (isBusinessRejection(failure)) {
          log(name, "rejected", reasonOf(failure));
          throw failure;
        }
        attempts += policy.stepMaxAttempts();
        awaitOperator(name, attempts, reasonOf(failure));
      }
    }
  }

  /** Returns when the step should run again; throws {@link OperatorGaveUp} to compensate. */
  private void awaitOperator(String stepName, int attempts, String error) {
    SagaState beforeParking = state;
    state = state.parked(stepName, attempts, stepName + " failed " + attempts + " times: " + error);
    log(stepName, "parked", state.lastError());
    recordBestEffort();
    tagSearchAttributes();

    boolean inTime = Workflow.await(policy.attentionTimeout(), () -> decision != null);
    // await says "timed out" whenever the timer fired, even when an operator's decision arrived in
    // the same workflow task: an accepted decision is the one that runs.
    boolean decided =
        Workflow.getVersion(ACCEPTED_DECISION_BEATS_TIMEOUT, Workflow.DEFAULT_VERSION, 1) >= 1
            ? decision != null
            : inTime;
    OperatorDecision taken = decided ? decision : timeoutDecision();
    decision = null;
    log(stepName, "decision: " + taken.name().toLowerCase(), decided ? "by operator" : "attention timeout");

    state = beforeParking;
    if (taken == OperatorDecision.COMPENSATE) {
      throw new OperatorGaveUp(decided
          ? "compensated by an operator after " + stepName + " kept failing: " + error
          : "no operator decision within " + policy.attentionTimeout() + " after " + stepName + " kept failing: " + error);
    }
    // A status write about to run again writes its status itself, with its events; writing that
    // status here first, without them, would leave the step nothing to announce.
    if (!stepName.startsWith("record-")
        || Workflow.getVersion(RECORD_AFTER_PARKING_WRITES_ITS_EVENTS, Workflow.DEFAULT_VERSION, 1)
            == Workflow.DEFAULT_VERSION) {
      recordBestEffort();
    }
    tagSearchAttributes();
  }

  /**
   * Without a decision the saga gives up, except where it cannot: a compensation under way, or a
   * seat already confirmed and paid. There a timeout simply tries again.
   */
  private OperatorDecision timeoutDecision() {
    return compensating || state.reservationConfirmed() ? OperatorDecision.RETRY : OperatorDecision.COMPENSATE;
  }

  private enum OperatorDecision {
    RETRY,
    COMPENSATE
  }

  /** Unwinds the saga to its compensation when an operator (or the attention timeout) gives up. */
  private static final class OperatorGaveUp extends RuntimeException {
    OperatorGaveUp(String reason) {
      super(reason, null, false, false);
    }
  }

  // ---- operator decisions and queries ----------------------------------------------------------

  @Override
  public void validateRetry() {
    requireParked("retry");
  }

  @Override
  public String retry() {
    decision = OperatorDecision.RETRY;
    return "retrying " + state.stuckStep() + " with a fresh budget of " + policy.stepMaxAttempts() + " attempts";
  }

  @Override
  public void validateCompensate() {
    requireParked("compensate");
    if (compensating) {
      throw new IllegalStateException(
          "saga " + request.paymentTxId() + " is already compensating; only retry can move it on");
    }
    if (state.reservationConfirmed()) {
      throw new IllegalStateException(
          "saga " + request.paymentTxId() + " has confirmed the seat; only retry can move it on");
    }
  }

  @Override
  public String compensate() {
    decision = OperatorDecision.COMPENSATE;
    return "compensating: the seat is released and debited points are refunded";
  }

  @Override
  public void decide(String decision) {
    String wanted = decision == null ? "" : decision.trim().toLowerCase();
    try {
      switch (wanted) {
        case "retry" -> {
          validateRetry();
          retry();
        }
        case "compensate" -> {
          validateCompensate();
          compensate();
        }
        default -> throw new IllegalStateException(
            "unknown decision '" + decision + "'; send \"retry\" or \"compensate\"");
      }
    } catch (IllegalStateException refused) {
      log("operator-signal", "refused", refused.getMessage());
    }
  }

  private void requireParked(String what) {
    if (state == null || !state.awaitsOperator()) {
      throw new IllegalStateException(
          "saga is not waiting for an operator (status " + (state == null ? "starting" : state.status())
              + "); " + what + " refused");
    }
    if (decision != null) {
      throw new IllegalStateException("a decision is already pending; " + what + " refused");
    }
  }

  @Override
  public SagaState state() {
    return state;
  }

  @Override
  public List<SagaStep> steps() {
    return List.copyOf(stepLog);
  }

  // ---- small helpers ---------------------------------------------------------------------------

  private void begin(PaymentRequest request, SagaPolicy policy) {
    this.request = request;
    this.policy = policy;
    this.state = SagaState.started(request.paymentTxId());
    payment =
        Workflow.newLocalActivityStub(PointsActivities.class, SagaActivityOptions.paymentAttemptOptions(policy));
    reservations =
        Workflow.newLocalActivityStub(ReservationActivities.class, SagaActivityOptions.stepOptions(policy));
    reversals =
        Workflow.newLocalActivityStub(PaymentReversalActivities.class, SagaActivityOptions.stepOptions(policy));
    transactions =
        Workflow.newLocalActivityStub(PaymentTransactionActivities.class, SagaActivityOptions.stepOptions(policy));
    transactionsBestEffort =
        Workflow.newLocalActivityStub(PaymentTransactionActivities.class, SagaActivityOptions.bestEffortOptions(policy));
    // The starter tags a saga when it starts it; one started some other way is tagged here.
    if (Workflow.getTypedSearchAttributes().get(SagaSearchAttributes.USER_ID) == null) {
      Workflow.upsertTypedSearchAttributes(
          SagaSearchAttributes.USER_ID.valueSet(request.userId()),
          SagaSearchAttributes.SEAT_ID.valueSet(request.seatId()));
      tagSearchAttributes();
    }
  }

  /**
   * Writes the state to the polling row, with the step's events, in one transaction. Each run of
   * the step after parking takes a newer revision than the parking's own writes, which would
   * otherwise refuse it — and with it the step's events.
   */
  private void record(SagaEvent... announced) {
    List<SagaEvent> events = List.of(announced);
    LongSupplier revision =
        revisionPerRun(Workflow.getVersion(RECORD_AFTER_PARKING_WRITES_ITS_EVENTS, Workflow.DEFAULT_VERSION, 1) >= 1);
    step("record-" + state.status().name().toLowerCase(), () -> {
      transactions.record(request, state, revision.getAsLong(), events);
      return null;
    });
  }

  /** The revision for each run of a status write: one taken now, and a newer one for each run after parking. */
  private LongSupplier revisionPerRun(boolean freshAfterParking) {
    long first = nextRevision();
    boolean[] firstRun = {true};
    return () -> {
      long written = freshAfterParking && !firstRun[0] ? nextRevision() : first;
      firstRun[0] = false;
      return written;
    };
  }

  /** Parking must not park again when the database is what fails: the row waits, the saga does not. */
  private void recordBestEffort() {
    try {
      transactionsBestEffort.record(request, state, nextRevision(), List.of());
    } catch (ActivityFailure failure) {
      rethrowIfCancelled(failure);
      log("record-" + state.status().name().toLowerCase(), "skipped", reasonOf(failure));
    }
  }

  /** The step's event, stamped with workflow time, so that a retried write repeats it exactly. */
  private SagaEvent event(SagaEventType type, String reason) {
    Integer retryCount = state.retryCount() > 0 ? state.retryCount() : null;
    return new SagaEvent(type, request, Workflow.currentTimeMillis(), retryCount, reason);
  }

  /**
   * Strictly increasing, and taken from workflow time, so that a later run of the same saga (after
   * a reset or a restart) still writes newer revisions than every run before it.
   */
  private long nextRevision() {
    revision = Math.max(revision + 1, Workflow.currentTimeMillis());
    return revision;
  }

  /**
   * Tags the saga for the Web UI's filters. Only where an operator looks: retries, parking, and
   * the end; each tag is an event in the saga's history.
   */
  private void tagSearchAttributes() {
    Workflow.upsertTypedSearchAttributes(
        SagaSearchAttributes.PAYMENT_STATUS.valueSet(state.status().name()),
        SagaSearchAttributes.RETRY_COUNT.valueSet((long) state.retryCount()),
        state.stuckStep() == null
            ? SagaSearchAttributes.STUCK_STEP.valueUnset()
            : SagaSearchAttributes.STUCK_STEP.valueSet(state.stuckStep()));
  }

  private void log(String step, String outcome, String detail) {
    stepLog.add(new SagaStep(Workflow.currentTimeMillis(), step, outcome, detail));
  }

  private static void rethrowIfCancelled(ActivityFailure failure) {
    if (failure.getCause() instanceof CanceledFailure cancelled) {
      throw cancelled;
    }
  }

  private static boolean isDeclined(ActivityFailure failure) {
    return failure.getCause() instanceof ApplicationFailure app
        && PaymentDeclined.TYPE.equals(app.getType());
  }

  private static boolean isBusinessRejection(ActivityFailure failure) {
    return failure.getCause() instanceof ApplicationFailure app && app.isNonRetryable();
  }

  private static String reasonOf(ActivityFailure failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    String message = cause instanceof ApplicationFailure app ? app.getOriginalMessage() : cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }
}
