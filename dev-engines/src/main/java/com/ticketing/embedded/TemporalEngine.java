package com.ticketing.embedded;

import java.util.Optional;

/**
 * A Temporal server the launcher started on 127.0.0.1: the real server (the Temporal CLI's dev
 * server, with its Web UI) or, when no CLI is installed, Temporal's in-process Java test server.
 */
public interface TemporalEngine extends AutoCloseable {

  /** The frontend's {@code host:port}, the service's {@code spring.temporal.connection.target}. */
  String target();

  /** The Web UI's address; empty for the test server, which has none. */
  Optional<String> webUi();

  /** True for the real server (visibility queries, reset, the Web UI); false for the test server. */
  boolean isRealServer();

  /** One line for a log: which server, its version where known, and its addresses. */
  String description();

  /**
   * After a worker process was SIGKILLed: makes sure the workflow tasks parked on its sticky
   * queues move on to live workers, and returns how many such queues were released. The real
   * server does this by itself (its sticky schedule-to-start timeout), so it releases none.
   */
  default int releaseStickyTasksOf(long workerPid) {
    return 0;
  }

  @Override
  void close();
}
