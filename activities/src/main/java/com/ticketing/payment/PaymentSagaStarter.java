package com.ticketing.payment;

import com.ticketing.errors.Require;
import com.ticketing.errors.TicketingException;
import com.ticketing.errors.TicketingException.Kind;
import com.ticketing.points.UserAccountRepository;
import com.ticketing.reservation.Reservation;
import com.ticketing.reservation.ReservationRepository;
import com.ticketing.reservation.ReservationStatus;
import com.ticketing.saga.PaymentRequest;
import com.ticketing.saga.PaymentSagaWorkflow;
import com.ticketing.saga.PaymentStatus;
import com.ticketing.saga.SagaSearchAttributes;
import com.ticketing.saga.SagaProperties;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts (or joins) the saga of one paymentTxId. Validation and the polling row are written in
 * one transaction before the workflow starts, so bad input leaves no row and starts nothing, and
 * the client can poll as soon as it has the answer.
 */
@Service
public class PaymentSagaStarter {

  private static final Logger log = LoggerFactory.getLogger(PaymentSagaStarter.class);
  private static final Pattern TX_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final UserAccountRepository users;
  private final ReservationRepository reservations;
  private final PaymentTransactionRepository transactions;
  private final TransactionTemplate transaction;
  private final WorkflowClient workflowClient;
  private final SagaProperties sagaProperties;
  private final PaymentReversalService reversals;
  private final Clock clock;

  public PaymentSagaStarter(
      UserAccountRepository users,
      ReservationRepository reservations,
      PaymentTransactionRepository transactions,
      PlatformTransactionManager transactionManager,
      WorkflowClient workflowClient,
      SagaProperties sagaProperties,
      PaymentReversalService reversals,
      Clock clock) {
    this.users = users;
    this.reservations = reservations;
    this.transactions = transactions;
    // Read committed: a start that loses the insert race must see the winner's row.
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.workflowClient = workflowClient;
    this.sagaProperties = sagaProperties;
    this.reversals = reversals;
    this.clock = clock;
  }

  public StartedPayment start(PaymentCommand command) {
    String paymentTxId = validTxId(command.paymentTxId());
    long userId = Require.positive("userId", command.userId());
    long reservationId = Require.positive("reservationId", command.reservationId());

    Recorded recorded = transaction.execute(ignored -> recordStart(paymentTxId, userId, reservationId));
    // A joined start whose saga is not final starts the workflow too: if the first start died
    // between its commit and the workflow start, this one brings the saga up; otherwise the
    // conflict policy makes it join the running one. A final saga never runs again, even after
    // Temporal has forgotten it.
    if (!recorded.isFinal()) {
      startWorkflow(recorded.request());
    }
    return recorded.answer();
  }

  /** The answer to give, the saga to make sure of, and whether that saga is already over. */
  private record Recorded(StartedPayment answer, PaymentRequest request, boolean isFinal) {}

  private Recorded recordStart(String paymentTxId, long userId, long reservationId) {
    if (!users.existsById(userId)) {
      throw TicketingException.notFound("user", userId);
    }
    Reservation reservation =
        reservations
            .findById(reservationId)
            .orElseThrow(() -> TicketingException.notFound("reservation", reservationId));
    if (reservation.getUserId() != userId) {
      throw new TicketingException(
          Kind.FORBIDDEN,
          "Reservation of another user",
          "reservation " + reservationId + " does not belong to user " + userId);
    }
    var existing = transactions.findById(paymentTxId);
    if (existing.isPresent()) {
      return joined(existing.get(), userId, reservationId, reservation);
    }
    if (reservation.getStatus() != ReservationStatus.HELD) {
      throw new TicketingException(
          Kind.CONFLICT,
          "Reservation not payable",
          "reservation " + reservationId + " is " + reservation.getStatus());
    }
    PaymentRequest request =
        new PaymentRequest(
            paymentTxId, userId, reservation.getSeatId(), reservationId, reservation.getAmount());
    if (!transactions.insertIfAbsent(request, clock.instant())) {
      // A concurrent start of the same paymentTxId won the insert.
      return joined(transactions.findById(paymentTxId).orElseThrow(), userId, reservationId, reservation);
    }
    return new Recorded(new StartedPayment(paymentTxId, PaymentStatus.PROCESSING, false), request, false);
  }

  private static Recorded joined(
      PaymentTransaction existing, long userId, long reservationId, Reservation reservation) {
    if (!existing.isFor(userId, reservationId)) {
      throw new TicketingException(
          Kind.CONFLICT,
          "paymentTxId already used",
          "paymentTxId " + existing.getPaymentTxId() + " belongs to another payment");
    }
    return new Recorded(
        new StartedPayment(existing.getPaymentTxId(), existing.getStatus(), true),
        existing.toRequest(),
        PaymentView.isFinal(existing.getStatus(), reservation.getStatus()));
  }

  private void startWorkflow(PaymentRequest request) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(request.paymentTxId())
            .setTaskQueue(PaymentSagaWorkflow.TASK_QUEUE)
            .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            // Tagged at start, so that a happy saga needs no tagging of its own until it ends.
            .setTypedSearchAttributes(
                SearchAttributes.newBuilder()
                    .set(SagaSearchAttributes.USER_ID, request.userId())
                    .set(SagaSearchAttributes.SEAT_ID, request.seatId())
                    .set(SagaSearchAttributes.PAYMENT_STATUS, PaymentStatus.PROCESSING.name())
                    .set(SagaSearchAttributes.RETRY_COUNT, 0L)
                    .build())
            .setMemo(Map.of(
                "userId", request.userId(),
                "seatId", request.seatId(),
                "reservationId", request.reservationId(),
                "amount", request.amount()))
            .build();
    PaymentSagaWorkflow saga = workflowClient.newWorkflowStub(PaymentSagaWorkflow.class, options);
    try {
      WorkflowClient.start(saga::pay, request, sagaProperties.policy());
    } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
      log.debug("saga {} already exists; joined it", request.paymentTxId());
    } catch (RuntimeException startFailed) {
      // The server may have stored the start before the call failed (a deadline, a lost answer).
      if (workflowExists(request.paymentTxId())) {
        log.warn("start of saga {} failed after the server took it; joined it", request.paymentTxId());
        return;
      }
      giveUp(request, startFailed);
      // The engine's own message stays in the log (giveUp): callers get no internals.
      throw new TicketingException(
          Kind.UNAVAILABLE, "Payment saga unavailable", "the payment could not be started, try again later");
    }
  }

  private boolean workflowExists(String paymentTxId) {
    try {
      WorkflowStub.fromTyped(workflowClient.newWorkflowStub(PaymentSagaWorkflow.class, paymentTxId)).describe();
      return true;
    } catch (RuntimeException unknownOrUnreachable) {
      return false;
    }
  }

  /**
   * Without a workflow nothing would ever finish the row, so it is closed as FAILURE, and fenced:
   * should the start still reach the server later, its debit is refused. A row whose points were
   * already taken is left to the saga that took them.
   */
  private void giveUp(PaymentRequest request, RuntimeException cause) {
    log.error("could not start saga {}", request.paymentTxId(), cause);
    // lastError is shown to the buyer who polls: it names the failing part, not its message.
    reversals.abandonUnstarted(
        request.paymentTxId(), "saga could not be started: " + cause.getClass().getSimpleName());
  }

  private static String validTxId(String paymentTxId) {
    if (paymentTxId == null) {
      return UUID.randomUUID().toString();
    }
    if (!TX_ID.matcher(paymentTxId).matches()) {
      throw new TicketingException(
          Kind.INVALID,
          "Invalid paymentTxId",
          "paymentTxId must be 1 to 64 characters of letters, digits, '.', '_', ':' or '-'");
    }
    return paymentTxId;
  }
}
