-- The transactional outbox: each saga step writes its events in the same transaction as its
-- effect and its status, and a relay sends them to Kafka. An event is written once (its eventId is
-- unique) and sent at least once, in the order written.
CREATE TABLE saga_outbox (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_id     VARCHAR(128) NOT NULL,
  topic        VARCHAR(64)  NOT NULL,
  message_key  VARCHAR(64)  NOT NULL,
  payload      TEXT         NOT NULL,
  created_at   DATETIME(6)  NOT NULL,
  published_at DATETIME(6)  NULL,
  CONSTRAINT uk_saga_outbox_event UNIQUE (event_id)
) ENGINE = InnoDB;

CREATE INDEX ix_saga_outbox_unpublished ON saga_outbox (published_at, id);

-- One relay sends at a time (keeping each seat's events in order): the instance that holds this
-- lease. It renews it while it runs; another instance takes over once it has expired.
CREATE TABLE outbox_relay_lease (
  name       VARCHAR(32)  NOT NULL PRIMARY KEY,
  owner      VARCHAR(128) NULL,
  expires_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB;

INSERT INTO outbox_relay_lease (name, owner, expires_at) VALUES ('saga-outbox', NULL, '1970-01-01 00:00:00');
