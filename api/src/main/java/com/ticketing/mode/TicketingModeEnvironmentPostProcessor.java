package com.ticketing.mode;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Turns {@code ticketing.mode} into the settings it implies, e.g. no workers in API mode. */
public class TicketingModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    TicketingMode mode = TicketingMode.parse(environment.getProperty("ticketing.mode", "all"));
    if (mode == TicketingMode.API) {
      environment
          .getPropertySources()
          .addFirst(new MapPropertySource("ticketingMode", Map.of("spring.temporal.start-workers", "false")));
    }
  }
}
