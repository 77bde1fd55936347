package com.ticketing.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class TicketingModeEnvironmentPostProcessorTest {

  private final TicketingModeEnvironmentPostProcessor processor = new TicketingModeEnvironmentPostProcessor();

  @Test
  void apiModeStartsNoTemporalWorkers() {
    MockEnvironment environment = new MockEnvironment().withProperty("ticketing.mode", "api");

    processor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("spring.temporal.start-workers")).isEqualTo("false");
  }

  @Test
  void workerAndAllModesKeepTheWorkers() {
    for (String mode : new String[] {"worker", "ALL"}) {
      MockEnvironment environment = new MockEnvironment().withProperty("ticketing.mode", mode);

      processor.postProcessEnvironment(environment, new SpringApplication());

      assertThat(environment.getProperty("spring.temporal.start-workers")).as(mode).isNull();
    }
  }

  @Test
  void workerModeServesNoRestContract() {
    MockEnvironment environment = new MockEnvironment().withProperty("ticketing.mode", "worker");

    processor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("springdoc.api-docs.enabled")).isEqualTo("false");
    assertThat(environment.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
  }

  @Test
  void refusesAnUnknownModeNamingTheChoices() {
    MockEnvironment environment = new MockEnvironment().withProperty("ticketing.mode", "both");

    assertThatThrownBy(() -> processor.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessage("ticketing.mode must be one of all, api, worker, not 'both'");
  }
}
