package com.ticketing.build;

import com.ticketing.external.EngineUnreachableException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * What a production build (one without the dev-engines module, {@code -Pproduction}) refuses:
 * fault injection is forced off, whatever is configured, and a start without the external
 * engines stops with one line instead of looking for engines that are not there.
 */
public class ProductionBuildGuard implements EnvironmentPostProcessor {

  static final String DEV_ENGINES = "com.ticketing.embedded.EmbeddedEnginesEnvironmentPostProcessor";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (isDevBuild(application.getClassLoader())) {
      return;
    }
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("productionBuild", Map.of("ticketing.chaos.enabled", "false")));
    if (environment.getProperty("ticketing.embedded.enabled", Boolean.class, false)) {
      throw new EngineUnreachableException(
          "This is a production build: it has no embedded engines (ticketing.embedded.enabled is true)",
          "Run it with SPRING_PROFILES_ACTIVE=external and the engines' variables, or use the dev build.");
    }
  }

  static boolean isDevBuild(ClassLoader classLoader) {
    return ClassUtils.isPresent(DEV_ENGINES, classLoader);
  }
}
