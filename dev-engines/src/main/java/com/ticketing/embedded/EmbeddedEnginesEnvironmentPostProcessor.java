package com.ticketing.embedded;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded engines before any bean needs them, when {@code ticketing.embedded.enabled}
 * is true (the default), and points the datasource, Kafka and Temporal at them. The external
 * profile turns it off, and nothing embedded starts.
 */
public class EmbeddedEnginesEnvironmentPostProcessor implements EnvironmentPostProcessor {

  /** Logging is not set up yet this early; a deferred log prints once it is. */
  private final Log log;

  public EmbeddedEnginesEnvironmentPostProcessor(DeferredLogFactory logFactory) {
    this.log = logFactory.getLog(EmbeddedEnginesEnvironmentPostProcessor.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getProperty("ticketing.embedded.enabled", Boolean.class, false)) {
      return;
    }
    EmbeddedEngines.Ports ports =
        new EmbeddedEngines.Ports(
            environment.getProperty("ticketing.embedded.mariadb-port", Integer.class, 0),
            environment.getProperty("ticketing.embedded.kafka-port", Integer.class, 0),
            environment.getProperty("ticketing.embedded.temporal-port", Integer.class, 7233));
    EmbeddedEngines engines = EmbeddedEngines.startOnce(ports);
    log.info(engines.summary());
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("embeddedEngines", engines.connectionProperties()));
  }
}
