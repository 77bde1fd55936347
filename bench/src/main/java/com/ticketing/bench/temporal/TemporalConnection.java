package com.ticketing.bench.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.concurrent.TimeUnit;

/** A client of the service's Temporal (the embedded test server or a real cluster), closed when the bench is done. */
public final class TemporalConnection implements AutoCloseable {

  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;

  private TemporalConnection(WorkflowServiceStubs stubs, WorkflowClient client) {
    this.stubs = stubs;
    this.client = client;
  }

  public static TemporalConnection open(String target, String namespace) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    return new TemporalConnection(
        stubs, WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build()));
  }

  public WorkflowClient client() {
    return client;
  }

  @Override
  public void close() {
    stubs.shutdown();
    stubs.awaitTermination(10, TimeUnit.SECONDS);
  }
}
