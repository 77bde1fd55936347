-- Users and their prepaid points.
CREATE TABLE users (
  id            BIGINT      NOT NULL PRIMARY KEY,
  point_balance BIGINT      NOT NULL,
  created_at    DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT ck_users_balance_not_negative CHECK (point_balance >= 0)
) ENGINE = InnoDB;

-- Every change of a balance; one DEBIT and at most one REFUND per payment, enforced here so a
-- retried activity can never move money twice.
CREATE TABLE point_ledger (
  id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  payment_tx_id VARCHAR(64) NOT NULL,
  user_id       BIGINT      NOT NULL,
  entry_type    VARCHAR(10) NOT NULL,
  amount        BIGINT      NOT NULL,
  created_at    DATETIME(6) NOT NULL,
  CONSTRAINT uk_point_ledger_tx_type UNIQUE (payment_tx_id, entry_type),
  CONSTRAINT fk_point_ledger_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT ck_point_ledger_type CHECK (entry_type IN ('DEBIT', 'REFUND')),
  CONSTRAINT ck_point_ledger_amount CHECK (amount > 0)
) ENGINE = InnoDB;

CREATE TABLE seats (
  id    BIGINT      NOT NULL PRIMARY KEY,
  label VARCHAR(32) NOT NULL,
  price BIGINT      NOT NULL,
  CONSTRAINT ck_seats_price CHECK (price > 0)
) ENGINE = InnoDB;

-- active_seat_id is the seat while the reservation is HELD or CONFIRMED and NULL otherwise:
-- its unique key lets at most one live reservation exist per seat.
CREATE TABLE reservations (
  id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id        BIGINT      NOT NULL,
  seat_id        BIGINT      NOT NULL,
  active_seat_id BIGINT      NULL,
  amount         BIGINT      NOT NULL,
  status         VARCHAR(16) NOT NULL,
  expires_at     DATETIME(6) NOT NULL,
  paid_by_tx_id  VARCHAR(64) NULL,
  created_at     DATETIME(6) NOT NULL,
  updated_at     DATETIME(6) NOT NULL,
  CONSTRAINT uk_reservations_active_seat UNIQUE (active_seat_id),
  CONSTRAINT uk_reservations_paid_by UNIQUE (paid_by_tx_id),
  CONSTRAINT fk_reservations_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT fk_reservations_seat FOREIGN KEY (seat_id) REFERENCES seats (id),
  CONSTRAINT ck_reservations_status CHECK (status IN ('HELD', 'CONFIRMED', 'EXPIRED', 'CANCELLED'))
) ENGINE = InnoDB;

-- The polling table: one row per saga, read by GET /api/payments/{paymentTxId}.
CREATE TABLE payment_transactions (
  payment_tx_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
  user_id        BIGINT       NOT NULL,
  seat_id        BIGINT       NOT NULL,
  reservation_id BIGINT       NOT NULL,
  amount         BIGINT       NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  retry_count    INT          NOT NULL DEFAULT 0,
  last_error     VARCHAR(500) NULL,
  created_at     DATETIME(6)  NOT NULL,
  updated_at     DATETIME(6)  NOT NULL,
  CONSTRAINT fk_payment_tx_reservation FOREIGN KEY (reservation_id) REFERENCES reservations (id),
  CONSTRAINT ck_payment_tx_status
    CHECK (status IN ('PENDING', 'PROCESSING', 'RETRYING', 'SUCCESS', 'FAILURE', 'CANCEL'))
) ENGINE = InnoDB;

CREATE INDEX ix_payment_tx_status_updated ON payment_transactions (status, updated_at);
CREATE INDEX ix_payment_tx_reservation ON payment_transactions (reservation_id);
