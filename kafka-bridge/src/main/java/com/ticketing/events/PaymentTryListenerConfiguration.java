package com.ticketing.events;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;

/**
 * The listener container of {@code payment.try}: Spring Boot's settings plus the error handling
 * of {@link CommandErrorHandler} (back-off, then {@value #DEAD_LETTER_TOPIC}). Its own factory, so
 * that a later listener does not inherit this topic's dead-letter routing.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentTryListenerConfiguration {

  public static final String COMMAND_TOPIC = "payment.try";
  public static final String DEAD_LETTER_TOPIC = COMMAND_TOPIC + ".DLT";
  static final String CONTAINER_FACTORY = "paymentTryListenerContainerFactory";

  @Bean(CONTAINER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<Object, Object> paymentTryListenerContainerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
      ConsumerFactory<Object, Object> consumerFactory,
      KafkaOperations<?, ?> kafka,
      CommandRetryProperties retry,
      InboundCommandMetrics metrics) {
    var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
    configurer.configure(factory, consumerFactory);
    factory.setCommonErrorHandler(CommandErrorHandler.create(kafka, DEAD_LETTER_TOPIC, retry.backOff(), metrics));
    return factory;
  }
}
