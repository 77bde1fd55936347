package com.ticketing.bench.service;

import com.ticketing.bench.TemporalServer;
import com.ticketing.embedded.TemporalCli;

/**
 * Which Temporal the service runs on.
 *
 * @param description as the report names it: "Temporal dev server (temporal version 1.9.1 (Server 1.32.0, UI
 *     2.54.1))", "Temporal test server (in-process)" or "external Temporal at host:port"
 * @param inServiceJvm Temporal's test server, inside the service JVM (its CPU time is the service's)
 */
record ServiceTemporal(String description, boolean inServiceJvm) {

  static ServiceTemporal embedded(TemporalServer server) {
    return switch (server) {
      case DEV_SERVER -> new ServiceTemporal("Temporal dev server (" + devServerVersion() + ")", false);
      case TEST_SERVER -> new ServiceTemporal("Temporal test server (in-process)", true);
    };
  }

  static ServiceTemporal external(String address) {
    return new ServiceTemporal("external Temporal at " + address, false);
  }

  /** The version of the CLI the service starts its dev server with (the same lookup, so the same binary). */
  private static String devServerVersion() {
    return TemporalServer.locateCli().map(TemporalCli::version).orElse("version unknown: no Temporal CLI found");
  }
}
