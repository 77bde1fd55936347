package com.ticketing.bench.service;

/**
 * Where the engines behind the service listen, for the bench's own baselines: Temporal for the
 * ceiling and the histories, the database and Kafka for the direct path (null when unknown).
 *
 * @param mariaDb the database is MariaDB (the embedded one), not MySQL 8
 */
public record EngineAddresses(
    String temporalTarget,
    String jdbcUrl,
    String databaseUser,
    String databasePassword,
    boolean mariaDb,
    String kafkaBootstrapServers) {

  public boolean hasDatabaseAndKafka() {
    return jdbcUrl != null && kafkaBootstrapServers != null;
  }
}
