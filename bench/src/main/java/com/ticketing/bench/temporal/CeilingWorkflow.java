package com.ticketing.bench.temporal;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The framework ceiling: a workflow that does nothing but call no-op activities one after another. */
@WorkflowInterface
public interface CeilingWorkflow {

  /** Calls the no-op activity this many times in sequence and returns the count. */
  @WorkflowMethod
  int run(int activities);
}
