package com.ticketing.bench.direct;

import com.ticketing.payment.PaymentTransactionRepository;
import com.ticketing.points.UserAccountRepository;
import com.ticketing.reservation.ReservationRepository;
import com.ticketing.saga.PaymentRequest;
import java.time.Clock;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The polling row's first write, as PaymentSagaStarter does it before starting a workflow: the
 * same reads (user, reservation, an existing row) and the same insert, in one read-committed
 * transaction. The starter itself cannot be used here: it starts a workflow.
 */
class PollingRowWriter {

  private final UserAccountRepository users;
  private final ReservationRepository reservations;
  private final PaymentTransactionRepository transactions;
  private final TransactionTemplate transaction;
  private final Clock clock;

  PollingRowWriter(
      UserAccountRepository users,
      ReservationRepository reservations,
      PaymentTransactionRepository transactions,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.users = users;
    this.reservations = reservations;
    this.transactions = transactions;
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.clock = clock;
  }

  void write(PaymentRequest request) {
    transaction.executeWithoutResult(status -> {
      if (!users.existsById(request.userId())) {
        throw new IllegalStateException("user " + request.userId() + " does not exist");
      }
      reservations
          .findById(request.reservationId())
          .orElseThrow(() -> new IllegalStateException("reservation " + request.reservationId() + " does not exist"));
      if (transactions.findById(request.paymentTxId()).isPresent()
          || !transactions.insertIfAbsent(request, clock.instant())) {
        throw new IllegalStateException("payment " + request.paymentTxId() + " already has a row");
      }
    });
  }
}
