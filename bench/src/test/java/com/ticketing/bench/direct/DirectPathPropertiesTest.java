package com.ticketing.bench.direct;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.bench.service.EngineAddresses;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectPathPropertiesTest {

  @Test
  void pointsTheContextAtTheServicesEnginesWithTheServicesProducerSettings() {
    Map<String, Object> properties =
        DirectPath.properties(
            new EngineAddresses("127.0.0.1:7233", "jdbc:mysql://127.0.0.1:3306/ticketing", "root", "", true,
                "127.0.0.1:9092"),
            24);

    assertThat(properties)
        .containsEntry("spring.datasource.url", "jdbc:mysql://127.0.0.1:3306/ticketing")
        .containsEntry("spring.datasource.hikari.maximum-pool-size", 24)
        .containsEntry("spring.kafka.bootstrap-servers", "127.0.0.1:9092")
        .containsEntry("spring.kafka.producer.acks", "all")
        .containsEntry("spring.flyway.enabled", "false")
        .containsEntry("ticketing.chaos.enabled", "false")
        .containsEntry("spring.jpa.database-platform", "org.hibernate.dialect.MariaDBDialect");
  }

  @Test
  void leavesTheDialectToHibernateOnMysql() {
    Map<String, Object> properties =
        DirectPath.properties(
            new EngineAddresses("t:7233", "jdbc:mysql://db:3306/ticketing", "u", "p", false, "k:9092"), 10);

    assertThat(properties).doesNotContainKey("spring.jpa.database-platform");
  }
}
