package com.ticketing.bench.temporal;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Sequential no-op activities, each a regular (server-scheduled) activity with the options the
 * saga's side-effect steps had before they became local activities: the framework's ceiling for
 * a saga built the way it was first built.
 */
public class CeilingWorkflowImpl implements CeilingWorkflow {

  private static final ActivityOptions REGULAR_STEP =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofMillis(500))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .setMaximumAttempts(10)
                  .build())
          .build();

  private final CeilingActivities steps = Workflow.newActivityStub(CeilingActivities.class, REGULAR_STEP);

  @Override
  public int run(int activities) {
    for (int step = 1; step <= activities; step++) {
      steps.step(step);
    }
    return activities;
  }
}
