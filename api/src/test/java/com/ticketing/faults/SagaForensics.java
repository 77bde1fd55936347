package com.ticketing.faults;

import com.ticketing.embedded.TemporalEngine;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What Temporal knows about a saga that did not finish: the workflow's status, its pending
 * workflow task and activities (attempt, last failure, last worker), and its last history events.
 */
final class SagaForensics implements AutoCloseable {

  private static final int LAST_EVENTS = 12;

  private final WorkflowServiceStubs stubs;

  SagaForensics(TemporalEngine temporal) {
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
  }

  /** Whether the saga's workflow still runs; a workflow Temporal cannot describe counts as running. */
  boolean isRunning(String paymentTxId) {
    try {
      return described(paymentTxId).getWorkflowExecutionInfo().getStatus()
          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (RuntimeException unknown) {
      return true;
    }
  }

  String describe(String paymentTxId) {
    try {
      DescribeWorkflowExecutionResponse described = described(paymentTxId);
      StringBuilder text = new StringBuilder("workflow ").append(described.getWorkflowExecutionInfo().getStatus());
      if (described.hasPendingWorkflowTask()) {
        text.append("; pending workflow task ")
            .append(described.getPendingWorkflowTask().getState())
            .append(" attempt ")
            .append(described.getPendingWorkflowTask().getAttempt());
      }
      for (PendingActivityInfo activity : described.getPendingActivitiesList()) {
        text.append("; pending activity ")
            .append(activity.getActivityType().getName())
            .append(' ')
            .append(activity.getState())
            .append(" attempt ")
            .append(activity.getAttempt())
            .append(" last worker ")
            .append(activity.getLastWorkerIdentity())
            .append(" last failure '")
            .append(activity.getLastFailure().getMessage())
            .append('\'');
      }
      List<HistoryEvent> events = WorkflowClient.newInstance(stubs).fetchHistory(paymentTxId).getEvents();
      text.append("; last events:");
      for (HistoryEvent event : events.subList(Math.max(0, events.size() - LAST_EVENTS), events.size())) {
        text.append(' ').append(event.getEventId()).append(':').append(event.getEventType().name().replace("EVENT_TYPE_", ""));
        if (event.hasWorkflowTaskStartedEventAttributes()) {
          text.append('(').append(event.getWorkflowTaskStartedEventAttributes().getIdentity()).append(')');
        } else if (event.hasActivityTaskStartedEventAttributes()) {
          text.append('(').append(event.getActivityTaskStartedEventAttributes().getIdentity()).append(')');
        } else if (event.hasActivityTaskScheduledEventAttributes()) {
          text.append('(').append(event.getActivityTaskScheduledEventAttributes().getActivityType().getName()).append(')');
        }
      }
      return text.toString();
    } catch (RuntimeException e) {
      return "(Temporal could not describe " + paymentTxId + ": " + e.getMessage() + ")";
    }
  }

  private DescribeWorkflowExecutionResponse described(String paymentTxId) {
    return stubs
        .blockingStub()
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace("default")
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(paymentTxId))
                .build());
  }

  @Override
  public void close() {
    stubs.shutdown();
  }
}
