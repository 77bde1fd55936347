-- Operators: a saga whose infrastructure step failed past its budget parks in NEEDS_ATTENTION
-- and records which step and how many attempts it made.
ALTER TABLE payment_transactions DROP CONSTRAINT ck_payment_tx_status;
ALTER TABLE payment_transactions
  ADD CONSTRAINT ck_payment_tx_status
    CHECK (status IN ('PENDING', 'PROCESSING', 'RETRYING', 'SUCCESS', 'FAILURE', 'CANCEL', 'NEEDS_ATTENTION'));
ALTER TABLE payment_transactions ADD COLUMN stuck_step VARCHAR(64) NULL;
ALTER TABLE payment_transactions ADD COLUMN step_attempts INT NOT NULL DEFAULT 0;
