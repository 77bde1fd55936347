package com.ticketing.demo;

import com.ticketing.mode.ServesRest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo catalogue when {@code ticketing.demo-data.enabled} is true: users 1–100 with
 * 100,000 points each and seats 1–1,000 priced 1,000–100,000 points. Idempotent: existing rows
 * (and balances already spent) are left alone. Worker-only instances leave it to the instances
 * that serve REST, so a scaled-out start does not load it many times at once.
 */
@Component
@ConditionalOnBooleanProperty("ticketing.demo-data.enabled")
@ServesRest
public class DemoDataLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  private final JdbcTemplate jdbc;

  public DemoDataLoader(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    int users =
        jdbc.update(
            "INSERT IGNORE INTO users (id, point_balance)"
                + " WITH RECURSIVE n (id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < 100)"
                + " SELECT id, 100000 FROM n");
    // Prices step through 1,000 … 100,000 in thousands, spread over the hall by a prime stride.
    int seats =
        jdbc.update(
            "INSERT IGNORE INTO seats (id, label, price)"
                + " WITH RECURSIVE n (id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < 1000)"
                + " SELECT id, CONCAT('S-', LPAD(id, 4, '0')), 1000 + MOD(id * 7919, 100) * 1000 FROM n");
    log.info("demo data: {} users and {} seats added (existing rows kept)", users, seats);
  }
}
