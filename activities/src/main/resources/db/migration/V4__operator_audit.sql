-- Every operator decision sent through the operator API (retry, compensate), accepted or refused:
-- who (token:operator, token:viewer, jwt:<subject>), when, why, and what came of it. The row is
-- written as 'requested' before the decision reaches the saga and completed afterwards, so no
-- decision goes out unrecorded; a row left 'requested' means the answer was lost.
CREATE TABLE operator_audit (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  payment_tx_id VARCHAR(255) NOT NULL,
  decision      VARCHAR(16)  NOT NULL,
  reason        VARCHAR(500) NOT NULL,
  actor         VARCHAR(255) NOT NULL,
  result        VARCHAR(16)  NOT NULL,
  detail        VARCHAR(500) NULL,
  decided_at    DATETIME(6)  NOT NULL,
  CONSTRAINT ck_operator_audit_decision CHECK (decision IN ('retry', 'compensate')),
  CONSTRAINT ck_operator_audit_result
    CHECK (result IN ('requested', 'accepted', 'refused', 'not_found', 'unavailable'))
) ENGINE = InnoDB;

CREATE INDEX ix_operator_audit_tx ON operator_audit (payment_tx_id, id);
