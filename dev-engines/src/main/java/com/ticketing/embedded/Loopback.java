package com.ticketing.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/** The one address every embedded engine listens on: nothing of them is reachable from the network. */
final class Loopback {

  static final String HOST = "127.0.0.1";

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
}
