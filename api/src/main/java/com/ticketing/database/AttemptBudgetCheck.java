package com.ticketing.database;

import com.ticketing.saga.SagaProperties;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the pool, lock and transaction waits or the worker's activity slots let
 * an activity attempt outlive the saga's step timeout unseen (see {@link AttemptBudget}).
 */
@Component
class AttemptBudgetCheck implements InitializingBean {

  private final HikariDataSource pool;
  private final SagaProperties saga;
  private final Environment environment;

  AttemptBudgetCheck(HikariDataSource pool, SagaProperties saga, Environment environment) {
    this.pool = pool;
    this.saga = saga;
    this.environment = environment;
  }

  /** Regular and local activities both hold a connection while they run; null when either is unbounded. */
  private static Integer activitySlots(Binder binder) {
    String capacity = "spring.temporal.workers[0].capacity.";
    Integer regular = binder.bind(capacity + "max-concurrent-activity-executors", Integer.class).orElse(null);
    Integer local = binder.bind(capacity + "max-concurrent-local-activity-executors", Integer.class).orElse(null);
    return regular == null || local == null ? null : regular + local;
  }

  @Override
  public void afterPropertiesSet() {
    Binder binder = Binder.get(environment);
    boolean runsActivities = binder.bind("spring.temporal.start-workers", Boolean.class).orElse(true);
    AttemptBudget budget =
        new AttemptBudget(
            saga.stepTimeout(),
            Duration.ofMillis(pool.getConnectionTimeout()),
            DatabaseTimeoutsConfiguration.lockWaitTimeout(environment),
            binder.bind("spring.transaction.default-timeout", Duration.class).orElse(null),
            pool.getMaximumPoolSize(),
            runsActivities ? activitySlots(binder) : 0);
    List<String> problems = budget.problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "an activity attempt could outlive its timeout unseen: " + String.join("; ", problems));
    }
  }
}
