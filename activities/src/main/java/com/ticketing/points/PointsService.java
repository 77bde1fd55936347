package com.ticketing.points;

import com.ticketing.errors.TicketingException;
import com.ticketing.payment.PaymentTransactionRepository;
import com.ticketing.reservation.Reservation;
import com.ticketing.reservation.ReservationRepository;
import com.ticketing.saga.PaymentRequest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves points for a payment, one transaction per effect. The ledger's unique key (paymentTxId,
 * type) is what makes a debit or refund happen at most once, even under concurrent retries: the
 * losing insert rolls its whole transaction back, balance change included.
 */
@Service
public class PointsService {

  private final UserAccountRepository users;
  private final PointLedgerRepository ledger;
  private final ReservationRepository reservations;
  private final PaymentTransactionRepository transactions;
  private final Clock clock;

  public PointsService(
      UserAccountRepository users,
      PointLedgerRepository ledger,
      ReservationRepository reservations,
      PaymentTransactionRepository transactions,
      Clock clock) {
    this.users = users;
    this.ledger = ledger;
    this.reservations = reservations;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Transactional
  public void debit(PaymentRequest request) {
    if (ledger.existsByPaymentTxIdAndEntryType(request.paymentTxId(), LedgerEntryType.DEBIT)) {
      return;
    }
    Instant now = clock.instant();
    // Lock order everywhere: reservation, payment row, user.
    Reservation reservation =
        reservations
            .findForUpdate(request.reservationId())
            .orElseThrow(() -> PaymentDeclined.because(
                "reservation " + request.reservationId() + " does not exist"));
    String refusal = reservation.whyNotPayable(request.userId(), request.paymentTxId(), now);
    if (refusal != null) {
      throw PaymentDeclined.because(refusal);
    }
    // A locking read sees the latest status: an attempt that arrives after its saga gave up
    // (and refunded) must not debit.
    transactions
        .findForUpdate(request.paymentTxId())
        .filter(tx -> tx.getStatus().isTerminal())
        .ifPresent(tx -> {
          throw PaymentDeclined.because("payment " + tx.getPaymentTxId() + " is already " + tx.getStatus());
        });
    UserAccount user =
        users
            .findForUpdate(request.userId())
            .orElseThrow(() -> PaymentDeclined.because("user " + request.userId() + " does not exist"));
    if (!user.canAfford(request.amount())) {
      throw PaymentDeclined.because(
          "insufficient points: balance " + user.getPointBalance() + ", price " + request.amount());
    }
    user.debit(request.amount());
    reservation.markPaidBy(request.paymentTxId(), now);
    ledger.saveAndFlush(
        new PointLedgerEntry(
            request.paymentTxId(), request.userId(), LedgerEntryType.DEBIT, request.amount(), now));
  }

  /** Returns true when the payment's debit is (now or already) refunded. */
  @Transactional
  public boolean refund(PaymentRequest request) {
    var debit = ledger.findByPaymentTxIdAndEntryType(request.paymentTxId(), LedgerEntryType.DEBIT);
    if (debit.isEmpty()) {
      return false;
    }
    if (ledger.existsByPaymentTxIdAndEntryType(request.paymentTxId(), LedgerEntryType.REFUND)) {
      return true;
    }
    UserAccount user = users.findForUpdate(debit.get().getUserId()).orElseThrow();
    user.credit(debit.get().getAmount());
    ledger.saveAndFlush(
        new PointLedgerEntry(
            request.paymentTxId(),
            user.getId(),
            LedgerEntryType.REFUND,
            debit.get().getAmount(),
            clock.instant()));
    return true;
  }

  @Transactional(readOnly = true)
  public long balanceOf(long userId) {
    return users
        .findById(userId)
        .map(UserAccount::getPointBalance)
        .orElseThrow(() -> TicketingException.notFound("user", userId));
  }
}
