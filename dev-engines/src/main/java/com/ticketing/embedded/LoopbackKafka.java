package com.ticketing.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single KRaft node (broker and controller in one) in this JVM, with both listeners on
 * 127.0.0.1. Spring Kafka's test broker is not used: its test kit pre-binds every listener on all
 * interfaces, whatever {@code listeners} says.
 */
final class LoopbackKafka implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LoopbackKafka.class);
  private static final Duration READY_WITHIN = Duration.ofSeconds(90);

  private final Path home;
  private final int brokerPort;
  private KafkaRaftServer server;

  private LoopbackKafka(Path home, int brokerPort) {
    this.home = home;
    this.brokerPort = brokerPort;
  }

  /** Formats a fresh log directory and starts the node; returns once the broker answers. */
  static LoopbackKafka start(Path home, int brokerPort, int controllerPort) throws Exception {
    LoopbackKafka kafka = new LoopbackKafka(home, brokerPort);
    try {
      kafka.run(controllerPort);
    } catch (Exception | Error e) {
      kafka.close();
      throw e;
    }
    return kafka;
  }

  String bootstrapServers() {
    return Loopback.HOST + ":" + brokerPort;
  }

  private void run(int controllerPort) throws Exception {
    Path dataDir = Files.createDirectories(home.resolve("data"));
    Map<String, String> config = config(dataDir, controllerPort);
    Path configFile = home.resolve("server.properties");
    Files.writeString(
        configFile,
        config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")));
    format(configFile);
    // A fatal broker error calls Exit, which would end the whole service's JVM.
    Exit.setExitProcedure((code, message) -> log.error("embedded Kafka asked to exit ({}): {}", code, message));
    Exit.setHaltProcedure((code, message) -> log.error("embedded Kafka asked to halt ({}): {}", code, message));
    server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
    server.startup();
    awaitBroker();
  }

  private Map<String, String> config(Path dataDir, int controllerPort) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("process.roles", "broker,controller");
    config.put("node.id", "1");
    config.put("controller.quorum.voters", "1@" + Loopback.HOST + ":" + controllerPort);
    config.put(
        "listeners",
        "PLAINTEXT://" + Loopback.HOST + ":" + brokerPort + ",CONTROLLER://" + Loopback.HOST + ":" + controllerPort);
    config.put("advertised.listeners", "PLAINTEXT://" + Loopback.HOST + ":" + brokerPort);
    config.put("controller.listener.names", "CONTROLLER");
    config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    config.put("inter.broker.listener.name", "PLAINTEXT");
    config.put("log.dirs", dataDir.toAbsolutePath().toString());
    config.put("num.partitions", "1");
    config.put("offsets.topic.replication.factor", "1");
    config.put("transaction.state.log.replication.factor", "1");
    config.put("transaction.state.log.min.isr", "1");
    config.put("group.initial.rebalance.delay.ms", "0");
    config.put("log.cleaner.dedupe.buffer.size", "2097152");
    return config;
  }

  private static void format(Path configFile) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exit =
        StorageTool.execute(
            new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toAbsolutePath().toString()},
            new PrintStream(output, true, StandardCharsets.UTF_8));
    if (exit != 0) {
      throw new IllegalStateException("formatting the embedded Kafka failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }

  private void awaitBroker() throws InterruptedException {
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    long end = System.nanoTime() + READY_WITHIN.toNanos();
    try (Admin client = Admin.create(admin)) {
      while (true) {
        try {
          if (!client.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception notYet) {
          if (System.nanoTime() > end) {
            throw new IllegalStateException("the embedded Kafka broker did not answer within " + READY_WITHIN, notYet);
          }
        }
        Thread.sleep(200);
      }
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
    WorkDirectories.deleteRecursively(home);
  }
}
