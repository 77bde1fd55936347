package com.ticketing.embedded;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's Java test server on 127.0.0.1. {@code TestServer.createPortBoundServer} binds all
 * interfaces, so this builds the same gRPC server (the test server's services and health checks)
 * on the loopback address.
 */
final class LoopbackTemporalTestServer implements AutoCloseable {

  private final TestServicesStarter services;
  private final Server server;

  private LoopbackTemporalTestServer(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  /** Time skipping stays locked: the running service keeps real time (1 s, 2 s, 4 s backoff). */
  static LoopbackTemporalTestServer start(int port) throws IOException {
    TestServicesStarter services = new TestServicesStarter(true, 0);
    try {
      ServerBuilder<?> builder =
          NettyServerBuilder.forAddress(new InetSocketAddress(Loopback.address(), port), InsecureServerCredentials.create());
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
      return new LoopbackTemporalTestServer(services, builder.build().start());
    } catch (IOException | RuntimeException e) {
      services.close();
      throw e;
    }
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdown();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } finally {
      services.close();
      server.shutdownNow();
    }
  }
}
