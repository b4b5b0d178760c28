-- Messages a saga sends, inserted in the transaction that stores its new state and relayed to the
-- broker after the commit: a process that dies between the two loses nothing, the next relay (any
-- replica, or the restarted one) sends what is left. message_id is fixed here, so a message relayed
-- twice (the relay died after the publish, before the delete) is recognisably the same message.
CREATE TABLE backfill.saga_outbox (
    id             bigserial PRIMARY KEY,
    correlation_id uuid NOT NULL,
    message_id     uuid NOT NULL,
    message_type   text NOT NULL,
    body           jsonb NOT NULL,
    trace_parent   text,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saga_outbox_correlation_idx ON backfill.saga_outbox (correlation_id);

-- One row per rollback the saga asked for, written in the rollback's own transaction: a RestoreRun
-- delivered again (after a crash, a lost answer or the reconciler) reports these figures instead of
-- restoring, and counting, a second time.
CREATE TABLE backfill.run_rollbacks (
    rollback_id  uuid PRIMARY KEY,
    run_id       uuid NOT NULL,
    requested_by text NOT NULL,
    forced       boolean NOT NULL,
    restored     integer NOT NULL,
    conflicts    integer NOT NULL,
    completed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX run_rollbacks_run_idx ON backfill.run_rollbacks (run_id);
