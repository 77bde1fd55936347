package com.ticketing.reconciliation;

import com.ticketing.saga.PaymentStatus;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the books and applies every {@link BookRule}, in one read-only transaction. */
@Component
class Books {

  /** Far above the 5 s that normal work gets (spring.transaction.default-timeout): this reads every table. */
  static final int TIMEOUT_SECONDS = 60;

  /** Enough to act on; a rule broken more often than this has one cause to find, not rows to list. */
  static final int MAX_VIOLATIONS_PER_RULE = 1000;

  private static final List<BookRule> RULES =
      List.of(
          new LedgerShapeRule(),
          new ConfirmedSeatPaidOnceRule(),
          new CancelMeansRefundedRule(),
          new FailureMeansNoNetDebitRule(),
          new BalanceMatchesLedgerRule(),
          new OneLiveReservationPerSeatRule(),
          new FinalSagaLeftSeatHeldRule(),
          new DebitWithoutSeatRule(),
          new PaidHoldPastExpiryRule(),
          new OutboxUnsentRule());

  private final JdbcTemplate jdbc;

  /** The ids of the rules read from the database. */
  static List<String> ruleIds() {
    return RULES.stream().map(BookRule::id).toList();
  }

  Books(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One transaction, so every query reads the same snapshot (InnoDB's consistent read): a debit
   * that commits half-way through cannot show up in the ledger but not yet in the balance.
   */
  @Transactional(readOnly = true, timeout = TIMEOUT_SECONDS)
  public BooksSnapshot read(int workflowCheckLimit) {
    long sagas = jdbc.queryForObject("SELECT COUNT(*) FROM payment_transactions", Long.class);
    List<Violation> violations = new ArrayList<>();
    for (BookRule rule : RULES) {
      violations.addAll(violationsOf(rule));
    }
    return new BooksSnapshot(sagas, violations, newestFinalSagas(workflowCheckLimit));
  }

  private List<Violation> violationsOf(BookRule rule) {
    return jdbc.query(
        rule.sql(),
        rows -> {
          List<Violation> found = new ArrayList<>();
          while (rows.next()) {
            if (found.size() == MAX_VIOLATIONS_PER_RULE) {
              found.add(Violation.ofBooks(
                  rule.id(), "more than " + MAX_VIOLATIONS_PER_RULE + " violations; only the first are listed"));
              break;
            }
            found.add(rule.violation(rows));
          }
          return found;
        });
  }

  private List<FinalSaga> newestFinalSagas(int limit) {
    if (limit == 0) {
      return List.of();
    }
    return jdbc.query(
        """
        SELECT p.payment_tx_id, p.status
        FROM payment_transactions p
        JOIN reservations r ON r.id = p.reservation_id
        WHERE p.status IN ('FAILURE', 'CANCEL') OR (p.status = 'SUCCESS' AND r.status = 'CONFIRMED')
        ORDER BY p.updated_at DESC, p.payment_tx_id
        LIMIT ?
        """,
        (row, i) -> new FinalSaga(row.getString("payment_tx_id"), PaymentStatus.valueOf(row.getString("status"))),
        limit);
  }
}
