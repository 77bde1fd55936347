package com.ticketing.bench.temporal;

import com.ticketing.bench.BenchPath;
import com.ticketing.bench.CpuMeter;
import com.ticketing.bench.Sample;
import com.ticketing.bench.SagaPath;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The framework ceiling: the no-op workflow, run by a worker in the bench JVM on a task queue of
 * its own against the service's Temporal, measured from the start call to the completed result.
 */
public final class FrameworkCeilingPath implements SagaPath {

  /** The service's worker runs at most 16 activities at once (spring.temporal.workers); so does this one. */
  private static final int ACTIVITY_SLOTS = 16;

  private final WorkflowClient client;
  private final WorkerFactory workers;
  private final String taskQueue;
  private final int activities;
  private final Duration sagaTimeout;
  private final String runId;
  private final AtomicLong started = new AtomicLong();

  public FrameworkCeilingPath(WorkflowClient client, int activities, Duration sagaTimeout, String runId) {
    this.client = client;
    this.activities = activities;
    this.sagaTimeout = sagaTimeout;
    this.runId = runId;
    this.taskQueue = "bench-ceiling-" + runId;
    this.workers = WorkerFactory.newInstance(client);
    Worker worker =
        workers.newWorker(
            taskQueue, WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(ACTIVITY_SLOTS).build());
    worker.registerWorkflowImplementationTypes(CeilingWorkflowImpl.class);
    worker.registerActivitiesImplementations(new NoopCeilingActivities());
    workers.start();
  }

  @Override
  public BenchPath kind() {
    return BenchPath.CEILING;
  }

  @Override
  public CpuMeter.Counted counted() {
    return CpuMeter.Counted.SERVICE_DATABASE_AND_BENCH;
  }

  @Override
  public Sample runOne() {
    String workflowId = "bench-ceiling-" + runId + "-" + started.incrementAndGet();
    CeilingWorkflow workflow =
        client.newWorkflowStub(
            CeilingWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(taskQueue)
                .setWorkflowExecutionTimeout(sagaTimeout)
                .build());
    long begin = System.nanoTime();
    long startNanos = -1;
    try {
      WorkflowClient.start(workflow::run, activities);
      startNanos = System.nanoTime() - begin;
      WorkflowStub.fromTyped(workflow).getResult(sagaTimeout.toMillis(), TimeUnit.MILLISECONDS, Integer.class);
      return new Sample(workflowId, begin, Sample.SUCCESS, 0, -1, startNanos, System.nanoTime() - begin, 0, null);
    } catch (TimeoutException e) {
      return new Sample(workflowId, begin, Sample.TIMEOUT, 0, -1, startNanos, -1, 0, "no result within " + sagaTimeout);
    } catch (RuntimeException e) {
      return new Sample(
          workflowId, begin, Sample.ERROR, 0, -1, startNanos, -1, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    workers.shutdown();
    workers.awaitTermination(10, TimeUnit.SECONDS);
  }
}
