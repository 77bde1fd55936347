package com.ticketing.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which pool, lock and transaction settings let an activity attempt outlive its timeout unseen. */
class AttemptBudgetTest {

  private static final Duration STEP = Duration.ofSeconds(10);

  @Test
  void theServiceDefaultsFitTheStepTimeout() {
    AttemptBudget defaults =
        new AttemptBudget(STEP, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5), 24, 16);

    assertThat(defaults.problems()).isEmpty();
  }

  @Test
  void theOldDefaultsDoNot() {
    // Hikari's 30 s connection wait, InnoDB's 50 s lock wait, no transaction timeout, 200 slots.
    AttemptBudget old = new AttemptBudget(STEP, Duration.ofSeconds(30), Duration.ofSeconds(50), null, 10, null);

    assertThat(old.problems())
        .hasSize(2)
        .anySatisfy(problem -> assertThat(problem).contains("spring.transaction.default-timeout"))
        .anySatisfy(problem -> assertThat(problem).contains("200"));
  }

  @Test
  void aConnectionWaitPlusATransactionMustEndBeforeTheStepTimeout() {
    AttemptBudget tooSlow =
        new AttemptBudget(STEP, Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(5), 24, 16);

    assertThat(tooSlow.problems()).singleElement().asString().contains("step-timeout");
  }

  @Test
  void aLockWaitMustFitInTheTransaction() {
    AttemptBudget lockTooLong =
        new AttemptBudget(STEP, Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofSeconds(5), 24, 16);

    assertThat(lockTooLong.problems()).singleElement().asString().contains("lock wait");
  }

  @Test
  void moreActivitySlotsThanConnectionsAreRefused() {
    AttemptBudget crowded =
        new AttemptBudget(STEP, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5), 10, 16);

    assertThat(crowded.problems()).singleElement().asString().contains("16 activities");
  }
}
