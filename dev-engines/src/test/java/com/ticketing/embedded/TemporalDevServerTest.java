package com.ticketing.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server as the launcher runs it (skipped where no Temporal CLI is installed). */
class TemporalDevServerTest {

  @Test
  void aStoppedDevServerStartsAgainWithItsWorkflowsAndATakenPortIsReplaced(@TempDir Path dir) throws Exception {
    Optional<TemporalCli> cli = TemporalCli.locate(TemporalEngines.configuredCli());
    assumeThat(cli).as("the Temporal CLI").isPresent();
    try (ServerSocket taken = new ServerSocket(0, 1, Loopback.address());
        TemporalDevServer server = TemporalDevServer.start(cli.get(), taken.getLocalPort(), 0, dir)) {
      assertThat(server.target()).isNotEqualTo("127.0.0.1:" + taken.getLocalPort());
      assertThat(server.processHandle()).isPresent();
      String workflowId = "launcher-" + UUID.randomUUID();
      withStubs(server, stubs -> stubs.blockingStub().startWorkflowExecution(start(workflowId)));

      server.stop();
      assertThat(server.isRunning()).isFalse();
      server.start();

      withStubs(
          server,
          stubs ->
              assertThat(
                      stubs
                          .blockingStub()
                          .describeWorkflowExecution(
                              DescribeWorkflowExecutionRequest.newBuilder()
                                  .setNamespace("default")
                                  .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                                  .build())
                          .getWorkflowExecutionInfo()
                          .getStatus())
                  .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING));
    }
  }

  private static StartWorkflowExecutionRequest start(String workflowId) {
    return StartWorkflowExecutionRequest.newBuilder()
        .setNamespace("default")
        .setWorkflowId(workflowId)
        .setRequestId(UUID.randomUUID().toString())
        .setWorkflowType(WorkflowType.newBuilder().setName("LauncherCheck"))
        .setTaskQueue(TaskQueue.newBuilder().setName("launcher-check"))
        .build();
  }

  private interface StubsUse {
    void with(WorkflowServiceStubs stubs);
  }

  private static void withStubs(TemporalDevServer server, StubsUse use) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
    try {
      use.with(stubs);
    } finally {
      stubs.shutdownNow();
    }
  }
}
