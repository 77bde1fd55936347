package com.ticketing.embedded;

import com.ticketing.saga.PaymentSagaWorkflow;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's Java test server on 127.0.0.1: the fallback when no Temporal CLI is installed. A test
 * double: no Web UI, no visibility queries, no reset. {@code TestServer.createPortBoundServer} binds
 * all interfaces, so this builds the same gRPC server (the test server's services and health
 * checks) on the loopback address, plus {@link StickyQueues} for the sticky timeout it lacks.
 * Time skipping stays locked: sagas keep real time (1 s, 2 s, 4 s backoff).
 */
final class LoopbackTemporalTestServer implements TemporalEngine {

  private final TestServicesStarter services;
  private final Server server;
  private final StickyQueues stickyQueues;
  private final int port;
  private final String why;

  private LoopbackTemporalTestServer(
      TestServicesStarter services, Server server, StickyQueues stickyQueues, int port, String why) {
    this.services = services;
    this.server = server;
    this.stickyQueues = stickyQueues;
    this.port = port;
    this.why = why;
  }

  /**
   * Starts it on the port (0 or taken: a free one) with the saga's search attributes registered;
   * {@code why} (why not the real server) ends its description.
   */
  static LoopbackTemporalTestServer start(int requestedPort, String why) {
    int port = Loopback.portOrFree(requestedPort, "Temporal test server");
    TestServicesStarter services = new TestServicesStarter(true, 0);
    StickyQueues stickyQueues = new StickyQueues();
    LoopbackTemporalTestServer temporal;
    try {
      ServerBuilder<?> builder =
          NettyServerBuilder.forAddress(new InetSocketAddress(Loopback.address(), port), InsecureServerCredentials.create());
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder, List.of(stickyQueues));
      temporal = new LoopbackTemporalTestServer(services, builder.build().start(), stickyQueues, port, why);
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException("could not start the Temporal test server on port " + port, e);
    }
    try {
      SearchAttributeRegistration.register(temporal.target());
    } catch (RuntimeException e) {
      temporal.close();
      throw e;
    }
    return temporal;
  }

  @Override
  public String target() {
    return Loopback.HOST + ":" + port;
  }

  @Override
  public Optional<String> webUi() {
    return Optional.empty();
  }

  @Override
  public boolean isRealServer() {
    return false;
  }

  @Override
  public String description() {
    return "Temporal test server (in-process: no Web UI, no visibility queries, no reset) on " + target() + ". " + why;
  }

  @Override
  public int releaseStickyTasksOf(long workerPid) {
    return stickyQueues.releaseTasksOf(workerPid, target(), PaymentSagaWorkflow.TASK_QUEUE);
  }

  /** Workflow tasks taken off killed workers' sticky queues so far. */
  int stickyTasksReleased() {
    return stickyQueues.released();
  }

  @Override
  public void close() {
    stickyQueues.close();
    server.shutdown();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      services.close();
      server.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return description();
  }
}
