package com.ticketing.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real engines named by the environment, as the service's {@code external} profile reads them:
 * the launched jar gets them, and the bench's own baselines connect to them too.
 */
public record ExternalEngines(
    String mysqlUrl, String mysqlUser, String mysqlPassword, String kafkaBootstrapServers, String temporalAddress) {

  static final List<String> VARIABLES =
      List.of("MYSQL_URL", "MYSQL_USER", "MYSQL_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "TEMPORAL_ADDRESS");

  /** All five variables, or an error naming the missing ones (MYSQL_PASSWORD may be empty). */
  static ExternalEngines fromEnvironment(Map<String, String> env, String why) {
    List<String> missing = new ArrayList<>();
    for (String name : VARIABLES) {
      String value = env.get(name);
      if (value == null || (value.isBlank() && !name.equals("MYSQL_PASSWORD"))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(why + " needs the environment variables " + VARIABLES + "; missing: " + missing);
    }
    return new ExternalEngines(
        env.get("MYSQL_URL"),
        env.get("MYSQL_USER"),
        env.get("MYSQL_PASSWORD"),
        env.get("KAFKA_BOOTSTRAP_SERVERS"),
        env.get("TEMPORAL_ADDRESS"));
  }

  /** The variables for a launched jar in the external profile. */
  public Map<String, String> asEnvironment() {
    return Map.of(
        "MYSQL_URL", mysqlUrl,
        "MYSQL_USER", mysqlUser,
        "MYSQL_PASSWORD", mysqlPassword,
        "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
        "TEMPORAL_ADDRESS", temporalAddress);
  }
}
