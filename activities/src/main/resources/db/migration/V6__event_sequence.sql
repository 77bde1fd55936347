-- The per-saga sequence of the event contract: each event of a saga carries "sequence" 1, 2, 3, …
-- in the order the saga's events were appended to the outbox, so that consumers can order one
-- saga's events across topics. The counter lives on the saga's polling row and is advanced under
-- that row's lock, so it keeps counting after sent events have been purged from the outbox; the
-- unique key below refuses a second event with the same number.
ALTER TABLE payment_transactions ADD COLUMN last_event_sequence INT NOT NULL DEFAULT 0;

-- Events written before this migration have neither (NULL): they are sent without a sequence.
ALTER TABLE saga_outbox
  ADD COLUMN payment_tx_id  VARCHAR(64) NULL,
  ADD COLUMN event_sequence INT         NULL,
  ADD CONSTRAINT uk_saga_outbox_sequence UNIQUE (payment_tx_id, event_sequence);
