-- The W3C traceparent of the saga step that wrote an event, so that the relay, which sends it later
-- on its own thread, sends it in the same trace. NULL when tracing was off or the row is older.
ALTER TABLE saga_outbox ADD COLUMN traceparent VARCHAR(64) NULL;
