package com.ticketing.points;

import com.ticketing.errors.TicketingException;
import com.ticketing.payment.PaymentTransaction;
import com.ticketing.payment.PaymentTransactionRepository;
import com.ticketing.reservation.Reservation;
import com.ticketing.reservation.ReservationRepository;
import com.ticketing.saga.PaymentRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves points for a payment, one transaction per effect. Every check runs under row locks taken
 * in one order everywhere (reservation, payment row, user), so overlapping attempts of one payment
 * serialise and each sees what the one before it committed. The ledger's unique key (paymentTxId,
 * type) backs it up: a debit or refund happens at most once.
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

  /**
   * Takes the reservation's price once. An attempt that finds this payment's debit already taken
   * succeeds without taking it again; a fenced (compensated) or refunded payment is refused.
   */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public void debit(PaymentRequest request) {
    Instant now = clock.instant();
    Reservation reservation =
        reservations
            .findForUpdate(request.reservationId())
            .orElseThrow(() -> refused("reservation " + request.reservationId() + " does not exist"));
    PaymentTransaction payment =
        transactions
            .findForUpdate(request.paymentTxId())
            .orElseThrow(() -> refused("payment " + request.paymentTxId() + " has no record"));
    if (payment.isFenced()) {
      throw refused("payment " + request.paymentTxId() + " was given up; it cannot be debited");
    }
    List<PointLedgerEntry> entries = ledger.findByPaymentTxId(request.paymentTxId());
    if (contains(entries, LedgerEntryType.REFUND)) {
      throw refused("payment " + request.paymentTxId() + " was refunded; it cannot be debited again");
    }
    if (contains(entries, LedgerEntryType.DEBIT)) {
      return; // an earlier attempt took it and its answer was lost
    }
    if (payment.getStatus().isTerminal()) {
      throw refused("payment " + request.paymentTxId() + " is already " + payment.getStatus());
    }
    String refusal = reservation.whyNotPayable(request, now);
    if (refusal != null) {
      throw refused(refusal);
    }
    UserAccount user =
        users
            .findForUpdate(request.userId())
            .orElseThrow(() -> refused("user " + request.userId() + " does not exist"));
    long price = reservation.getAmount();
    if (!user.canAfford(price)) {
      throw refused("insufficient points: balance " + user.getPointBalance() + ", price " + price);
    }
    user.debit(price);
    reservation.markPaidBy(request.paymentTxId(), now);
    ledger.saveAndFlush(
        new PointLedgerEntry(request.paymentTxId(), request.userId(), LedgerEntryType.DEBIT, price, now));
  }

  /**
   * Gives a payment's debit back once; returns true when it is (now or already) refunded. Runs
   * inside the reversal's transaction, after the payment row is locked and fenced, so no debit of
   * this payment can still commit.
   */
  @Transactional(isolation = Isolation.READ_COMMITTED)
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

  /** Whether the payment ever took points (given back or not). */
  @Transactional(readOnly = true, isolation = Isolation.READ_COMMITTED)
  public boolean wasDebited(String paymentTxId) {
    return ledger.existsByPaymentTxIdAndEntryType(paymentTxId, LedgerEntryType.DEBIT);
  }

  /** Whether the payment's points are taken and not given back. */
  @Transactional(readOnly = true, isolation = Isolation.READ_COMMITTED)
  public boolean isDebitedAndNotRefunded(String paymentTxId) {
    List<PointLedgerEntry> entries = ledger.findByPaymentTxId(paymentTxId);
    return contains(entries, LedgerEntryType.DEBIT) && !contains(entries, LedgerEntryType.REFUND);
  }

  @Transactional(readOnly = true)
  public long balanceOf(long userId) {
    return users
        .findById(userId)
        .map(UserAccount::getPointBalance)
        .orElseThrow(() -> TicketingException.notFound("user", userId));
  }

  private static boolean contains(List<PointLedgerEntry> entries, LedgerEntryType type) {
    return entries.stream().anyMatch(entry -> entry.getEntryType() == type);
  }

  private static PaymentRefusedException refused(String reason) {
    return new PaymentRefusedException(reason);
  }
}
