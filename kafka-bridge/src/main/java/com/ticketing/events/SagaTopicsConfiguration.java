package com.ticketing.events;

import java.util.Arrays;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Creates the seven saga topics at start-up (existing topics are left as they are). */
@Configuration(proxyBeanMethods = false)
public class SagaTopicsConfiguration {

  @Bean
  public KafkaAdmin.NewTopics sagaTopics(KafkaTopicsProperties properties) {
    return new KafkaAdmin.NewTopics(
        Arrays.stream(SagaEventType.values())
            .map(
                type ->
                    TopicBuilder.name(type.topic())
                        .partitions(properties.partitions())
                        .replicas(properties.replicationFactor())
                        .config("min.insync.replicas", String.valueOf(properties.minInsyncReplicas()))
                        .build())
            .toArray(NewTopic[]::new));
  }
}
