package com.ticketing.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a process listens on, read from Linux's /proc: the socket inodes among the
 * process's open files, matched with the LISTEN rows of /proc/net/tcp and /proc/net/tcp6.
 */
final class ListeningSockets {

  private static final String LISTEN = "0A";

  /** One listening socket: who holds it and where it listens. */
  record Listener(long pid, String command, InetAddress address, int port) {

    boolean onLoopback() {
      return address.isLoopbackAddress();
    }

    @Override
    public String toString() {
      return command + " (pid " + pid + ") on " + address.getHostAddress() + ":" + port;
    }
  }

  private ListeningSockets() {}

  /** Every listening TCP socket of these processes. */
  static List<Listener> of(List<ProcessHandle> processes) {
    List<String[]> rows = new ArrayList<>();
    rows.addAll(listenRows(Path.of("/proc/net/tcp")));
    rows.addAll(listenRows(Path.of("/proc/net/tcp6")));
    List<Listener> listeners = new ArrayList<>();
    for (ProcessHandle process : processes) {
      Set<String> inodes = socketInodes(process.pid());
      String command = process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
      for (String[] row : rows) {
        if (inodes.contains(row[9])) {
          String[] addressAndPort = row[1].split(":");
          listeners.add(
              new Listener(process.pid(), command, address(addressAndPort[0]), Integer.parseInt(addressAndPort[1], 16)));
        }
      }
    }
    return listeners;
  }

  private static List<String[]> listenRows(Path table) {
    if (!Files.exists(table)) {
      return List.of();
    }
    try (Stream<String> lines = Files.lines(table)) {
      return lines.skip(1).map(line -> line.trim().split("\\s+")).filter(row -> LISTEN.equals(row[3])).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> socketInodes(long pid) {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      fds.forEach(
          fd -> {
            try {
              String target = Files.readSymbolicLink(fd).toString();
              if (target.startsWith("socket:[")) {
                inodes.add(target.substring("socket:[".length(), target.length() - 1));
              }
            } catch (IOException closedMeanwhile) {
              // the descriptor was closed while we listed them
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the open files of pid " + pid, e);
    }
    return inodes;
  }

  /** The kernel prints each 32-bit word of the address in host (little-endian) byte order. */
  private static InetAddress address(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int at = (word * 4 + (3 - i)) * 2;
        bytes[word * 4 + i] = new BigInteger(hex.substring(at, at + 2), 16).byteValue();
      }
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(hex, e);
    }
  }
}
