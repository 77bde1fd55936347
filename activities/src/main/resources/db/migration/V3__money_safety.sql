-- Money safety under faults.
--
-- revision: the saga writes its status with a strictly increasing revision (its workflow time in
-- milliseconds); a write older than the row's revision changes nothing, so a late attempt of a
-- status write can never move the row backwards.
-- fenced_at: set when the saga compensates (or a start is given up). The debit and the seat
-- confirm check it under the row lock and refuse a fenced payment, so an attempt still in flight
-- can never take points or a seat after the compensation ran.
ALTER TABLE payment_transactions ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payment_transactions ADD COLUMN fenced_at DATETIME(6) NULL;

-- Every grant of points, so that reconciliation can check each balance:
-- balance = granted points - debits + refunds.
CREATE TABLE point_grants (
  id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id    BIGINT      NOT NULL,
  amount     BIGINT      NOT NULL,
  grant_ref  VARCHAR(64) NOT NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT uk_point_grants_ref UNIQUE (grant_ref),
  CONSTRAINT fk_point_grants_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT ck_point_grants_amount CHECK (amount > 0)
) ENGINE = InnoDB;

-- Users that existed before grants were recorded: their opening grant is what they hold now plus
-- what their payments took net.
INSERT INTO point_grants (user_id, amount, grant_ref)
SELECT u.id, u.point_balance + COALESCE(net.taken, 0), CONCAT('opening-', u.id)
FROM users u
LEFT JOIN (
  SELECT user_id, SUM(CASE entry_type WHEN 'DEBIT' THEN amount ELSE -amount END) AS taken
  FROM point_ledger
  GROUP BY user_id
) net ON net.user_id = u.id
WHERE u.point_balance + COALESCE(net.taken, 0) > 0;
