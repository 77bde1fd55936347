package com.ticketing.health;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "kafka": does the cluster answer, with how many brokers? */
@Component("kafka")
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  private static final int TIMEOUT_MS = 3000;

  private final KafkaAdmin kafkaAdmin;
  private volatile AdminClient client;

  public KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
    super("Kafka health check failed");
    this.kafkaAdmin = kafkaAdmin;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    var cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
    int brokers = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
    builder
        .up()
        .withDetail("clusterId", cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS))
        .withDetail("brokers", brokers);
  }

  private AdminClient admin() {
    if (client == null) {
      synchronized (this) {
        if (client == null) {
          client = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        }
      }
    }
    return client;
  }

  @Override
  public void destroy() {
    if (client != null) {
      client.close();
    }
  }
}
