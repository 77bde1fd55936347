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
 * profile turns it off, and nothing embedded starts. The start-up log names the Temporal server
 * that runs and, for the real one, its Web UI's address.
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
    EmbeddedEngines.Settings settings =
        new EmbeddedEngines.Settings(
            environment.getProperty("ticketing.embedded.mariadb-port", Integer.class, 0),
            environment.getProperty("ticketing.embedded.kafka-port", Integer.class, 0),
            environment.getProperty("ticketing.embedded.temporal-port", Integer.class, 7233),
            environment.getProperty("ticketing.embedded.temporal-ui-port", Integer.class, 8233),
            TemporalEngines.Choice.parse(environment.getProperty("ticketing.embedded.temporal", "auto")),
            environment.getProperty("ticketing.embedded.temporal-cli", ""));
    EmbeddedEngines engines = EmbeddedEngines.startOnce(settings);
    log.info(engines.summary());
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("embeddedEngines", engines.connectionProperties()));
  }
}
