package com.ticketing.faults;

import ch.qos.logback.classic.Level;
import com.ticketing.embedded.KafkaCluster;
import com.ticketing.embedded.RestartableMariaDb;
import com.ticketing.embedded.TemporalEngine;
import com.ticketing.embedded.TemporalEngines;
import com.ticketing.it.ApiClient;
import com.ticketing.it.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * One fault scenario's world: MariaDB, a Kafka cluster and Temporal (the real server, the CLI's
 * dev server as its own process, where the CLI is installed; else the test server), started by the
 * test, and the packaged service as separate JVMs in the {@code external} profile pointed at them.
 * Closing it ends every process it started.
 */
public final class FaultStack implements AutoCloseable {

  public static final String OPERATOR_TOKEN = "faults-operator-token";
  /**
   * Two cold Spring Boot JVMs beside the brokers on a 2-core machine that other builds share:
   * about a minute when the machine is quiet, three and more when it is not.
   */
  public static final Duration INSTANCE_STARTUP_DEADLINE = Duration.ofSeconds(300);

  private final String scenario;
  private final List<ServiceProcess> instances = new ArrayList<>();
  private KafkaCluster kafka;
  private RestartableMariaDb database;
  private TemporalEngine temporal;
  private long startedInMillis;

  private FaultStack(String scenario) {
    this.scenario = scenario;
  }

  /**
   * Starts the engines: the broker JVMs first, so they boot while MariaDB and Temporal start in
   * this JVM; returns once the cluster has all of its brokers.
   */
  public static FaultStack start(String scenario, int kafkaNodes) {
    // No Spring here to configure logging: without this, the Kafka clients log at DEBUG.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    long started = System.nanoTime();
    FaultStack stack = new FaultStack(scenario);
    try {
      stack.kafka = KafkaCluster.launch(scenario, kafkaNodes);
      stack.database = RestartableMariaDb.start(scenario);
      stack.temporal =
          TemporalEngines.start(
              TemporalEngines.configuredChoice(),
              TemporalEngines.configuredCli(),
              0,
              0,
              Path.of("target", "faults-" + scenario + "-temporal"));
      stack.kafka.awaitBrokers(kafkaNodes, KafkaCluster.START_DEADLINE);
    } catch (RuntimeException | AssertionError e) {
      stack.close();
      throw e;
    }
    stack.startedInMillis = (System.nanoTime() - started) / 1_000_000;
    return stack;
  }

  /**
   * Launches one instance of the packaged jar ({@code mode} all, api or worker) with demo data on
   * and the given extra program arguments; its output goes to {@code target/faults-<scenario>-<name>.log}.
   * Does not wait: see {@link #awaitHealthy}.
   */
  public ServiceProcess launch(String name, String mode, List<String> arguments) {
    List<String> all = new ArrayList<>(ServiceProcess.MARIADB_ARGUMENTS);
    // The external profile may turn demo data off; the scenarios need their users and seats.
    all.add("--ticketing.demo-data.enabled=true");
    all.addAll(arguments);
    ServiceProcess instance =
        ServiceProcess.start("faults-" + scenario + "-" + name, ServiceProcess.freePort(), environment(mode), all);
    instances.add(instance);
    return instance;
  }

  /** Waits until each instance says UP, all within one deadline. */
  public void awaitHealthy(ServiceProcess... started) {
    long end = System.nanoTime() + INSTANCE_STARTUP_DEADLINE.toNanos();
    for (ServiceProcess instance : started) {
      instance.awaitHealthy(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
    }
  }

  /** The external profile's variables, pointing at this stack's engines. */
  public Map<String, String> environment(String mode) {
    Map<String, String> environment = new HashMap<>();
    environment.put("SPRING_PROFILES_ACTIVE", "external");
    environment.put("TICKETING_MODE", mode);
    environment.put("MYSQL_URL", database.jdbcUrl());
    environment.put("MYSQL_USER", database.user());
    environment.put("MYSQL_PASSWORD", database.password());
    environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    environment.put("KAFKA_REPLICATION_FACTOR", Integer.toString(kafka.replicationFactor()));
    environment.put("KAFKA_MIN_INSYNC_REPLICAS", Integer.toString(kafka.minInsyncReplicas()));
    environment.put("TEMPORAL_ADDRESS", temporal.target());
    environment.put("OPERATOR_TOKEN", OPERATOR_TOKEN);
    return environment;
  }

  /** The operator's view of the service, through the given instance. */
  public Operator operator(ServiceProcess instance) {
    return new Operator(instance.api(), OPERATOR_TOKEN);
  }

  public static List<ApiClient> clientsOf(ServiceProcess... instances) {
    return Arrays.stream(instances).map(ServiceProcess::api).toList();
  }

  public String scenario() {
    return scenario;
  }

  public KafkaCluster kafka() {
    return kafka;
  }

  public RestartableMariaDb database() {
    return database;
  }

  public TemporalEngine temporal() {
    return temporal;
  }

  public long startedInMillis() {
    return startedInMillis;
  }

  /** The last lines of every instance's output, for a failure message. */
  public String instanceTails(int lines) {
    StringBuilder tails = new StringBuilder();
    instances.forEach(i -> tails.append('\n').append(i.tail(lines)));
    return tails.toString();
  }

  /** Kills the instances first (nothing of theirs is kept), then stops the engines. */
  @Override
  public void close() {
    instances.forEach(ServiceProcess::kill);
    if (kafka != null) {
      kafka.close();
    }
    if (temporal != null) {
      temporal.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Override
  public String toString() {
    return scenario + ": " + database + ", " + kafka + ", " + temporal;
  }
}
