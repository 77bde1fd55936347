package com.ticketing.events;

import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the seven saga topics and the dead-letter topic of payment.try commands at start-up, all
 * alike (existing topics are left as they are).
 */
@Configuration(proxyBeanMethods = false)
public class SagaTopicsConfiguration {

  @Bean
  public KafkaAdmin.NewTopics sagaTopics(KafkaTopicsProperties properties) {
    return new KafkaAdmin.NewTopics(
        Stream.concat(
                Arrays.stream(SagaEventType.values()).map(SagaEventType::topic),
                Stream.of(PaymentTryListenerConfiguration.DEAD_LETTER_TOPIC))
            .map(
                topic ->
                    TopicBuilder.name(topic)
                        .partitions(properties.partitions())
                        .replicas(properties.replicationFactor())
                        .config("min.insync.replicas", String.valueOf(properties.minInsyncReplicas()))
                        .build())
            .toArray(NewTopic[]::new));
  }
}
