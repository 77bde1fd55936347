package com.ticketing.mode;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code ticketing.mode} into the settings it implies: no workers in API mode, no REST
 * contract (/v3/api-docs, Swagger UI) in worker mode.
 */
public class TicketingModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    TicketingMode mode = TicketingMode.parse(environment.getProperty("ticketing.mode", "all"));
    if (mode == TicketingMode.API) {
      environment
          .getPropertySources()
          .addFirst(new MapPropertySource("ticketingMode", Map.of("spring.temporal.start-workers", "false")));
    }
    if (mode == TicketingMode.WORKER) {
      // No REST to describe: the controllers are absent (ServesRest).
      environment
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "ticketingMode", Map.of("springdoc.api-docs.enabled", "false", "springdoc.swagger-ui.enabled", "false")));
    }
  }
}
