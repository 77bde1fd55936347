package com.ticketing.bench.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Distinct free TCP ports on 127.0.0.1 for the engines and the service the bench launches. */
final class FreePorts {

  private FreePorts() {}

  static int[] take(int count) {
    Set<Integer> ports = new HashSet<>();
    for (int attempt = 0; ports.size() < count && attempt < 100; attempt++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        ports.add(socket.getLocalPort());
      } catch (IOException e) {
        throw new UncheckedIOException("no free port: " + e.getMessage(), e);
      }
    }
    return ports.stream().mapToInt(Integer::intValue).toArray();
  }
}
