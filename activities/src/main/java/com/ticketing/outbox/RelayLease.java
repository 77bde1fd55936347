package com.ticketing.outbox;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox relay's lease: one instance sends at a time, so that events leave in the order they
 * were written. Times come from the database's clock, the one clock all instances share.
 */
@Component
public class RelayLease {

  private final JdbcTemplate jdbc;

  public RelayLease(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Takes or renews the lease for {@code owner}; true when it holds it for {@code length} from now. */
  public boolean holdFor(String owner, Duration length) {
    return jdbc.update(
            "UPDATE outbox_relay_lease SET owner = ?, expires_at = UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND"
                + " WHERE name = 'saga-outbox' AND (owner = ? OR expires_at < UTC_TIMESTAMP(6))",
            owner,
            length.toNanos() / 1000,
            owner)
        == 1;
  }

  /** Gives the lease up at once (a clean stop), so that another instance need not wait it out. */
  public void release(String owner) {
    jdbc.update(
        "UPDATE outbox_relay_lease SET owner = NULL, expires_at = '1970-01-01 00:00:00'"
            + " WHERE name = 'saga-outbox' AND owner = ?",
        owner);
  }
}
