package com.ticketing.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Where the scheduled reconciliation does not run: worker-only instances, and when switched off. */
class ReconciliationSchedulerConditionsTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(ReconciliationScheduler.class);

  @Test
  void workerOnlyInstancesDoNotReconcile() {
    context
        .withPropertyValues("ticketing.mode=worker")
        .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(ReconciliationScheduler.class));
  }

  @Test
  void switchedOffItDoesNotRun() {
    context
        .withPropertyValues("ticketing.mode=api", "ticketing.reconciliation.enabled=false")
        .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(ReconciliationScheduler.class));
  }
}
