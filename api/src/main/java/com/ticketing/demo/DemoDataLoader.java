package com.ticketing.demo;

import com.ticketing.mode.ServesRest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Loads the demo catalogue when {@code ticketing.demo-data.enabled} is true: users with their
 * point grants, and seats priced 1,000–100,000 points (see {@link DemoDataProperties}).
 * Idempotent: existing rows (and balances already spent) are left alone, and a user gets its demo
 * grant once. Worker-only instances leave it to the instances that serve REST, so a scaled-out
 * start does not load it many times at once.
 */
@Component
@ConditionalOnBooleanProperty("ticketing.demo-data.enabled")
@ServesRest
public class DemoDataLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
  private static final int BATCH = 1000;
  private static final String LOCK = "ticketing-demo-data";
  private static final int LOCK_WAIT_SECONDS = 120;

  private final JdbcTemplate jdbc;
  private final DemoDataProperties properties;

  public DemoDataLoader(JdbcTemplate jdbc, DemoDataProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /**
   * Instances that start at once load one after the other, under a named database lock held on
   * one connection: concurrent batches of the grants' INSERT … SELECT into their auto-increment
   * table can fail inside the engine ("Failed to read auto-increment value", error 1467).
   */
  @Override
  public void run(ApplicationArguments args) {
    jdbc.execute((ConnectionCallback<Void>) connection -> {
      JdbcTemplate locked = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
      Integer acquired = locked.queryForObject("SELECT GET_LOCK(?, ?)", Integer.class, LOCK, LOCK_WAIT_SECONDS);
      if (!Integer.valueOf(1).equals(acquired)) {
        throw new IllegalStateException("another instance held the demo data lock for " + LOCK_WAIT_SECONDS + " s");
      }
      try {
        load(locked);
      } finally {
        locked.queryForObject("SELECT RELEASE_LOCK(?)", Integer.class, LOCK);
      }
      return null;
    });
  }

  private void load(JdbcTemplate jdbc) {
    long points = properties.pointsPerUser();
    int users =
        insertInBatches(
            jdbc,
            "INSERT IGNORE INTO users (id, point_balance) VALUES (?, ?)",
            properties.users(),
            id -> new Object[] {id, points});
    // The grant_ref is unique, so two instances starting at once still grant once.
    insertInBatches(
        jdbc,
        "INSERT IGNORE INTO point_grants (user_id, amount, grant_ref)"
            + " SELECT id, ?, CONCAT('demo-', id) FROM users u WHERE id = ?"
            + " AND NOT EXISTS (SELECT 1 FROM point_grants g WHERE g.user_id = u.id)",
        properties.users(),
        id -> new Object[] {points, id});
    // Prices step through 1,000 … 100,000 in thousands, spread over the hall by a prime stride.
    int seats =
        insertInBatches(
            jdbc,
            "INSERT IGNORE INTO seats (id, label, price) VALUES (?, ?, ?)",
            properties.seats(),
            id -> new Object[] {id, String.format("S-%04d", id), 1000 + Math.floorMod(id * 7919L, 100) * 1000});
    log.info("demo data: {} users and {} seats added (existing rows kept)", users, seats);
  }

  private interface Row {
    Object[] of(long id);
  }

  private static int insertInBatches(JdbcTemplate jdbc, String sql, int count, Row row) {
    int inserted = 0;
    for (int from = 1; from <= count; from += BATCH) {
      List<Object[]> batch = new ArrayList<>();
      for (long id = from; id < from + BATCH && id <= count; id++) {
        batch.add(row.of(id));
      }
      for (int changed : jdbc.batchUpdate(sql, batch)) {
        inserted += Math.max(changed, 0);
      }
    }
    return inserted;
  }
}
