package com.ticketing.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft Kafka cluster of N nodes (broker and controller in one), each its own JVM running
 * {@code kafka.Kafka} on 127.0.0.1, so that a test can SIGKILL, stop and restart single brokers.
 * Data lives in {@code target/faults-<name>-kafka-N/}, each node's output in
 * {@code target/faults-<name>-kafka-N.log}. The nodes run on this JVM's class path, which holds
 * Kafka (from dev-engines) and, for their output, logback.
 */
public final class KafkaCluster implements AutoCloseable {

  public static final int DEFAULT_NODES = 3;
  /** Three cold broker JVMs on a busy 2-core machine. */
  public static final Duration START_DEADLINE = Duration.ofSeconds(120);

  private final String name;
  private final List<Node> nodes;

  private KafkaCluster(String name, List<Node> nodes) {
    this.name = name;
    this.nodes = nodes;
  }

  /** Formats and launches every node without waiting for them; see {@link #awaitBrokers}. */
  public static KafkaCluster launch(String name, int nodeCount) {
    List<Node> nodes = new ArrayList<>();
    for (int id = 1; id <= nodeCount; id++) {
      nodes.add(new Node(id, FreePorts.take(), FreePorts.take(), Path.of("target", "faults-" + name + "-kafka-" + id)));
    }
    KafkaCluster cluster = new KafkaCluster(name, nodes);
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::killAll, "kill-kafka-" + name));
    String clusterId = Uuid.randomUuid().toString();
    Path logback = writeLogbackConfig();
    for (Node node : nodes) {
      node.prepare(cluster.serverProperties(node), clusterId);
    }
    for (Node node : nodes) {
      node.launch(logback);
    }
    return cluster;
  }

  /** Launches the cluster and waits until all of its brokers are registered. */
  public static KafkaCluster start(String name, int nodeCount) {
    KafkaCluster cluster = launch(name, nodeCount);
    try {
      cluster.awaitBrokers(nodeCount, START_DEADLINE);
    } catch (RuntimeException | AssertionError e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  public int size() {
    return nodes.size();
  }

  /** Every node's broker listener, whether or not it runs: clients find the live ones. */
  public String bootstrapServers() {
    return nodes.stream().map(n -> "127.0.0.1:" + n.brokerPort).collect(Collectors.joining(","));
  }

  /** The replication factor the saga topics get on this cluster (3, or fewer nodes). */
  public int replicationFactor() {
    return Math.min(3, nodes.size());
  }

  public int minInsyncReplicas() {
    return replicationFactor() >= 3 ? 2 : 1;
  }

  /** SIGKILL: the broker vanishes without a controlled shutdown, as on a crashed machine. */
  public void kill(int nodeId) {
    node(nodeId).kill();
  }

  /** A graceful stop (SIGTERM): the broker hands its leaderships over before it exits. */
  public void stop(int nodeId) {
    node(nodeId).stop();
  }

  /** Starts a stopped or killed node again, on its old ports and log directory. */
  public void restart(int nodeId) {
    Node node = node(nodeId);
    if (node.isAlive()) {
      throw new IllegalStateException("kafka node " + nodeId + " is still running");
    }
    node.launch(writeLogbackConfig());
  }

  public boolean isAlive(int nodeId) {
    return node(nodeId).isAlive();
  }

  /** The node that leads the KRaft quorum, i.e. the active controller. */
  public int activeController() {
    try (Admin admin = admin()) {
      return admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
    } catch (Exception e) {
      throw new IllegalStateException("could not describe the metadata quorum of " + this + ": " + e.getMessage(), e);
    }
  }

  /** Polls describeCluster until it lists {@code count} brokers; fails with the nodes' log tails. */
  public void awaitBrokers(int count, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    String last = "no answer yet";
    try (Admin admin = admin()) {
      while (System.nanoTime() < end) {
        for (Node node : nodes) {
          if (node.expectedUp && !node.isAlive()) {
            throw new AssertionError("kafka node " + node.id + " exited\n" + node.tail(40));
          }
        }
        try {
          int brokers = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
          if (brokers == count) {
            return;
          }
          last = brokers + " brokers";
        } catch (Exception notYet) {
          last = notYet.getMessage();
        }
        Loopback.pause(Duration.ofMillis(250));
      }
    }
    StringBuilder tails = new StringBuilder();
    nodes.forEach(n -> tails.append('\n').append(n.tail(20)));
    throw new AssertionError(this + " did not reach " + count + " brokers within " + deadline + " (" + last + ")" + tails);
  }

  /** An admin client of this cluster with short timeouts; the caller closes it. */
  public Admin admin() {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
    return Admin.create(config);
  }

  /** Kills every node: the cluster's data is thrown away, so a graceful stop would only cost time. */
  @Override
  public void close() {
    killAll();
  }

  @Override
  public String toString() {
    return "kafka cluster " + name + " (" + bootstrapServers() + ")";
  }

  private void killAll() {
    nodes.forEach(Node::kill);
  }

  private Node node(int nodeId) {
    return nodes.stream()
        .filter(n -> n.id == nodeId)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no kafka node " + nodeId + " in " + this));
  }

  private String serverProperties(Node node) {
    String voters = nodes.stream().map(n -> n.id + "@127.0.0.1:" + n.controllerPort).collect(Collectors.joining(","));
    int replicas = replicationFactor();
    return String.join(
        "\n",
        "process.roles=broker,controller",
        "node.id=" + node.id,
        "controller.quorum.voters=" + voters,
        "listeners=PLAINTEXT://127.0.0.1:" + node.brokerPort + ",CONTROLLER://127.0.0.1:" + node.controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + node.brokerPort,
        "controller.listener.names=CONTROLLER",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "inter.broker.listener.name=PLAINTEXT",
        "log.dirs=" + node.dataDir.toAbsolutePath(),
        // The service creates its topics (RF and min ISR from its configuration); a topic that
        // appears by itself would hide a failed creation.
        "auto.create.topics.enable=false",
        "num.partitions=3",
        "default.replication.factor=" + replicas,
        "min.insync.replicas=" + minInsyncReplicas(),
        "offsets.topic.replication.factor=" + replicas,
        "transaction.state.log.replication.factor=" + replicas,
        "transaction.state.log.min.isr=" + minInsyncReplicas(),
        "group.initial.rebalance.delay.ms=0",
        "");
  }

  /** Broker output at INFO for the interesting parts, without the per-request chatter. */
  private static Path writeLogbackConfig() {
    Path file = Path.of("target", "faults-kafka-logback.xml").toAbsolutePath();
    String xml =
        """
        <configuration>
          <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n</pattern></encoder>
          </appender>
          <logger name="kafka" level="INFO"/>
          <logger name="org.apache.kafka" level="INFO"/>
          <logger name="org.apache.kafka.clients" level="WARN"/>
          <logger name="org.apache.kafka.common.config" level="WARN"/>
          <logger name="kafka.server.KafkaConfig" level="WARN"/>
          <logger name="state.change.logger" level="WARN"/>
          <root level="WARN"><appender-ref ref="OUT"/></root>
        </configuration>
        """;
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, xml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One broker+controller JVM. */
  private static final class Node {
    final int id;
    final int brokerPort;
    final int controllerPort;
    final Path dataDir;
    final Path config;
    final Path log;
    volatile Process process;
    volatile boolean expectedUp;

    Node(int id, int brokerPort, int controllerPort, Path home) {
      this.id = id;
      this.brokerPort = brokerPort;
      this.controllerPort = controllerPort;
      this.dataDir = home.resolve("data");
      this.config = home.resolve("server.properties");
      this.log = Path.of(home + ".log");
    }

    /** Writes the configuration and formats a fresh log directory with the cluster's id. */
    void prepare(String properties, String clusterId) {
      try {
        WorkDirectories.deleteRecursively(dataDir.getParent());
        Files.createDirectories(dataDir);
        Files.writeString(config, properties);
        Files.deleteIfExists(log);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int exit =
          StorageTool.execute(
              new String[] {"format", "-t", clusterId, "-c", config.toAbsolutePath().toString()},
              new PrintStream(output, true, StandardCharsets.UTF_8));
      if (exit != 0) {
        throw new IllegalStateException("formatting kafka node " + id + " failed: " + output.toString(StandardCharsets.UTF_8));
      }
    }

    void launch(Path logback) {
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              // Small and quick to start: several of these share two cores with the services.
              "-Xmx384m",
              "-XX:TieredStopAtLevel=1",
              "-XX:+UseSerialGC",
              "-Dlogback.configurationFile=" + logback,
              "-cp",
              System.getProperty("java.class.path"),
              "kafka.Kafka",
              config.toAbsolutePath().toString());
      try {
        process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        expectedUp = true;
      } catch (IOException e) {
        throw new UncheckedIOException("could not launch kafka node " + id, e);
      }
    }

    boolean isAlive() {
      return process != null && process.isAlive();
    }

    void kill() {
      expectedUp = false;
      if (process != null) {
        try {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    void stop() {
      expectedUp = false;
      if (process == null) {
        return;
      }
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }

    String tail(int lines) {
      try {
        List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return "---- last lines of " + log.toAbsolutePath() + " ----\n"
            + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
      } catch (IOException | UncheckedIOException e) {
        return "(could not read " + log + ")";
      }
    }
  }
}
