package com.ticketing.embedded;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.TaskQueueKind;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueRequest;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the real Temporal server's sticky schedule-to-start timeout, which the test
 * server lacks. A worker that ran a workflow task gets the workflow's next tasks on its own
 * (sticky) queue; the real server moves such a task to the normal queue after 5 s without a poll,
 * but the test server leaves it there forever, so a saga whose worker was SIGKILLed would never
 * move again. This part of the test server notes which worker polls which sticky queue, and for a
 * killed worker it polls that queue itself and drops each task it gets: the task then times out
 * (its 10 s start-to-close) and the test server hands it to a live worker on the normal queue.
 */
final class StickyQueues implements ServerInterceptor, AutoCloseable {

  private static final String POLL_WORKFLOW_TASK = "temporal.api.workflowservice.v1.WorkflowService/PollWorkflowTaskQueue";
  private static final long POLL_DEADLINE_SECONDS = 10;

  /** Sticky queue name by the identity ({@code <pid>@<host>}) of the worker that polls it. */
  private final Map<String, String> queueByWorker = new ConcurrentHashMap<>();
  private final List<Thread> drainers = new CopyOnWriteArrayList<>();
  private final AtomicInteger released = new AtomicInteger();
  private volatile boolean closed;
  private WorkflowServiceStubs stubs;

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    ServerCall.Listener<Q> listener = next.startCall(call, headers);
    if (!POLL_WORKFLOW_TASK.equals(call.getMethodDescriptor().getFullMethodName())) {
      return listener;
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(Q message) {
        if (message instanceof PollWorkflowTaskQueueRequest poll
            && poll.getTaskQueue().getKind() == TaskQueueKind.TASK_QUEUE_KIND_STICKY) {
          queueByWorker.put(poll.getIdentity(), poll.getTaskQueue().getName());
        }
        super.onMessage(message);
      }
    };
  }

  /**
   * Starts releasing the workflow tasks parked on the sticky queues of the worker process with
   * this pid (which must be dead); returns how many such queues there were.
   */
  synchronized int releaseTasksOf(long pid, String target, String normalQueue) {
    if (stubs == null) {
      stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    }
    List<String> queues =
        queueByWorker.entrySet().stream().filter(e -> e.getKey().startsWith(pid + "@")).map(Map.Entry::getValue).toList();
    for (String queue : queues) {
      Thread drainer = new Thread(() -> drain(queue, normalQueue), "release-sticky-" + pid);
      drainer.setDaemon(true);
      drainer.start();
      drainers.add(drainer);
    }
    return queues.size();
  }

  /** Workflow tasks taken off dead workers' sticky queues so far. */
  int released() {
    return released.get();
  }

  private void drain(String queue, String normalQueue) {
    PollWorkflowTaskQueueRequest poll =
        PollWorkflowTaskQueueRequest.newBuilder()
            .setNamespace("default")
            .setIdentity("launcher: sticky timeout of a killed worker")
            .setTaskQueue(
                TaskQueue.newBuilder()
                    .setName(queue)
                    .setKind(TaskQueueKind.TASK_QUEUE_KIND_STICKY)
                    .setNormalName(normalQueue))
            .build();
    while (!closed) {
      try {
        PollWorkflowTaskQueueResponse task =
            stubs.blockingStub().withDeadlineAfter(POLL_DEADLINE_SECONDS, TimeUnit.SECONDS).pollWorkflowTaskQueue(poll);
        if (!task.getTaskToken().isEmpty()) {
          released.incrementAndGet(); // not answered on purpose: it times out and goes to a live worker
        }
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.DEADLINE_EXCEEDED && !closed) {
          Loopback.pause(Duration.ofSeconds(1));
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    if (stubs != null) {
      stubs.shutdownNow();
    }
  }
}
