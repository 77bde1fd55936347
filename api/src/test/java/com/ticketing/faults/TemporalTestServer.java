package com.ticketing.faults;

import com.ticketing.embedded.EngineParts;
import com.ticketing.it.ServiceProcess;
import com.ticketing.saga.PaymentSagaWorkflow;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's test server in this JVM, bound to a free port with the saga's search attributes
 * registered, for service instances in other JVMs. Built as {@code TestServer.createPortBoundServer}
 * builds it, plus {@link StickyQueues}, so that a SIGKILLed worker's sagas move on as they would
 * on a real server. Time skipping stays locked: sagas keep real time.
 */
public final class TemporalTestServer implements AutoCloseable {

  private final TestServicesStarter services;
  private final Server server;
  private final StickyQueues stickyQueues;
  private final int port;

  private TemporalTestServer(TestServicesStarter services, Server server, StickyQueues stickyQueues, int port) {
    this.services = services;
    this.server = server;
    this.stickyQueues = stickyQueues;
    this.port = port;
  }

  public static TemporalTestServer start() {
    int port = ServiceProcess.freePort();
    TestServicesStarter services = new TestServicesStarter(true, 0);
    StickyQueues stickyQueues = new StickyQueues();
    ServerBuilder<?> builder = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder, List.of(stickyQueues));
    Server server;
    try {
      server = builder.build().start();
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException("could not start the Temporal test server on port " + port, e);
    }
    TemporalTestServer temporal = new TemporalTestServer(services, server, stickyQueues, port);
    try {
      EngineParts.registerSearchAttributes(temporal.target());
    } catch (RuntimeException e) {
      temporal.close();
      throw e;
    }
    return temporal;
  }

  /** The service's {@code TEMPORAL_ADDRESS}. */
  public String target() {
    return "127.0.0.1:" + port;
  }

  /**
   * After a worker process was killed: lets its parked workflow tasks time out and go to live
   * workers, as the real server's sticky timeout would (see {@link StickyQueues}). Returns how
   * many sticky queues that process had.
   */
  public int releaseStickyTasksOf(long pid) {
    return stickyQueues.releaseTasksOf(pid, target(), PaymentSagaWorkflow.TASK_QUEUE);
  }

  /** Workflow tasks taken off killed workers' sticky queues so far. */
  public int stickyTasksReleased() {
    return stickyQueues.released();
  }

  @Override
  public void close() {
    stickyQueues.close();
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
  }

  @Override
  public String toString() {
    return "Temporal test server on " + target();
  }
}
