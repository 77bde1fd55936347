package com.ticketing.embedded;

import com.ticketing.it.ServiceProcess;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded engines of this test JVM, handed to a packaged instance as the {@code external}
 * profile's variables, each instance family on a database of its own.
 */
final class ExternalEngines {

  /** Needed only because the engine is MariaDB, not MySQL 8 (see EmbeddedEngines). */
  static final java.util.List<String> MARIADB_ARGUMENTS =
      java.util.List.of(
          "--spring.jpa.database-platform=org.hibernate.dialect.MariaDBDialect",
          "--spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false");

  private final Map<String, Object> engines;

  private ExternalEngines(Map<String, Object> engines) {
    this.engines = engines;
  }

  static ExternalEngines start() {
    return new ExternalEngines(EmbeddedEngines.startOnce().connectionProperties());
  }

  /** Creates the (empty) database and returns the variables that point an instance at it. */
  Map<String, String> environment(String database, String mode) {
    createDatabase(database);
    Map<String, String> environment = new HashMap<>();
    environment.put("SPRING_PROFILES_ACTIVE", "external");
    environment.put("TICKETING_MODE", mode);
    environment.put("MYSQL_URL", url(database));
    environment.put("MYSQL_USER", "root");
    environment.put("MYSQL_PASSWORD", "");
    environment.put("KAFKA_BOOTSTRAP_SERVERS", (String) engines.get("spring.kafka.bootstrap-servers"));
    environment.put("TEMPORAL_ADDRESS", (String) engines.get("spring.temporal.connection.target"));
    return environment;
  }

  JdbcTemplate jdbc(String database) {
    return new JdbcTemplate(new SingleConnectionDataSource(url(database), "root", "", true));
  }

  private String url(String database) {
    String url = (String) engines.get("spring.datasource.url");
    URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
    return "jdbc:mysql://" + uri.getAuthority() + "/" + database + "?" + uri.getQuery();
  }

  private void createDatabase(String database) {
    try (Connection connection = DriverManager.getConnection(url("mysql"), "root", "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
      statement.execute("CREATE DATABASE `" + database + "`");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database, e);
    }
  }
}
