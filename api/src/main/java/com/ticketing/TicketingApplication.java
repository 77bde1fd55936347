package com.ticketing;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The payment saga service: REST in front, Temporal workers behind, MySQL and Kafka around. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TicketingApplication {

  public static void main(String[] args) {
    SpringApplication.run(TicketingApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
