package com.ticketing.bench.temporal;

import com.ticketing.saga.SagaActivityOptions;
import com.ticketing.saga.SagaPolicy;
import io.temporal.workflow.Workflow;

/** Sequential no-op activities with the saga's own options for its side-effect steps. */
public class CeilingWorkflowImpl implements CeilingWorkflow {

  private final CeilingActivities steps =
      Workflow.newActivityStub(CeilingActivities.class, SagaActivityOptions.sideEffectOptions(SagaPolicy.DEFAULT));

  @Override
  public int run(int activities) {
    for (int step = 1; step <= activities; step++) {
      steps.step(step);
    }
    return activities;
  }
}
