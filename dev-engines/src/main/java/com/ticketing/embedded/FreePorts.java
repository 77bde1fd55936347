package com.ticketing.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Free TCP ports on 127.0.0.1 for the engines and services a JVM launches. */
public final class FreePorts {

  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  /**
   * A port free now and not handed out before in this JVM: the kernel may offer a port it just
   * offered again, and two instances started on one port leave the caller talking to the wrong one.
   */
  public static int take() {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, Loopback.address())) {
        int port = socket.getLocalPort();
        if (HANDED_OUT.add(port)) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("no free port on " + Loopback.HOST + ": " + e.getMessage(), e);
      }
    }
  }

  /** {@code count} distinct ports, each as {@link #take()} hands it out. */
  public static int[] take(int count) {
    int[] ports = new int[count];
    for (int i = 0; i < count; i++) {
      ports[i] = take();
    }
    return ports;
  }
}
