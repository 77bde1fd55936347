package com.ticketing.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one address every engine listens on: nothing of them is reachable from the network. */
final class Loopback {

  static final String HOST = "127.0.0.1";
  private static final Logger log = LoggerFactory.getLogger(Loopback.class);

  private Loopback() {}

  static InetAddress address() {
    try {
      return InetAddress.getByName(HOST); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A port free on the loopback address right now, for an engine that must be told its port up front. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, address())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The requested port when it is set and free, else a free one (saying so when it was taken). */
  static int portOrFree(int requested, String what) {
    if (requested <= 0) {
      return freePort();
    }
    try (ServerSocket socket = new ServerSocket(requested, 1, address())) {
      return requested;
    } catch (IOException taken) {
      int port = freePort();
      log.warn("{} port {} is taken on {}: using {} instead", what, requested, HOST, port);
      return port;
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
