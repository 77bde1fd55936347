package com.ticketing.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The scheduled run: the same reconciliation as the endpoint, returned to the caller and logged. */
class ReconciliationSchedulerIntegrationTest extends BooksIntegrationTest {

  @Autowired private ReconciliationScheduler scheduler;

  @Test
  void aScheduledRunReportsTheViolationsOfTheBooks() {
    long userId = newUser(10_000);
    try (Tampering tamper = new Tampering(jdbc)) {
      tamper.balance(userId, 9_999);

      ReconciliationReport report = scheduler.runOnce();

      assertThat(report.hasViolations()).isTrue();
      Subjects user = payments().and("user " + userId);
      assertThat(report.violations())
          .filteredOn(violation -> user.concern(violation.paymentTxId(), violation.detail()))
          .containsExactly(new Violation(
              null,
              "balance-matches-ledger",
              "user " + userId + " has a balance of 9999 points, the ledger says 10000"
                  + " (granted 10000 - debited 0 + refunded 0)"));
    }
  }
}
