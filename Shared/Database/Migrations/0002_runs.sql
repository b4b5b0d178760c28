-- The Executor's state: runs, the saga instances, the per-session work list, the batch ledger,
-- the append-only audit trail and the backup registry.

-- One row per run that passed pre-flight. "active" is the single-active-run guard: the partial
-- unique index lets at most one run per database hold it, whichever replica processes the command.
-- "phase" fences batches against rollback: a batch locks the row FOR SHARE and only migrates while
-- the phase is 'migrating'; rollback sets 'rolling_back' first, which waits for running batches.
CREATE TABLE backfill.runs (
    run_id          uuid PRIMARY KEY,
    plan_id         uuid NOT NULL,
    requested_by    text NOT NULL,
    dry_run         boolean NOT NULL,
    active          boolean NOT NULL DEFAULT true,
    phase           text NOT NULL DEFAULT 'migrating' CHECK (phase IN ('migrating', 'rolling_back', 'finished')),
    orphans_before  bigint,
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz
);
CREATE UNIQUE INDEX runs_single_active ON backfill.runs ((true)) WHERE active;

-- MigrationRun saga instances: the state as jsonb, a version for optimistic concurrency.
CREATE TABLE backfill.run_sagas (
    correlation_id  uuid PRIMARY KEY,
    version         integer NOT NULL,
    current_state   text NOT NULL,
    state           jsonb NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX run_sagas_created_idx ON backfill.run_sagas (created_at DESC);

-- The run's sessions: what the plan and its decisions resolve to, and what happened to each.
-- outcome: pending -> migrated | skipped_changed (batch), skipped (not included),
-- then rolled_back | conflict after a rollback.
CREATE TABLE backfill.run_items (
    run_id            uuid NOT NULL,
    session_id        uuid NOT NULL,
    assignment_type   text NOT NULL,
    target_project_id uuid,
    included          boolean NOT NULL,
    skip_reason       text,
    batch_number      integer,
    outcome           text NOT NULL,
    PRIMARY KEY (run_id, session_id)
);
CREATE INDEX run_items_batch_idx ON backfill.run_items (run_id, batch_number) WHERE included;

-- The processed-batch ledger: inserted in the batch's own transaction, so a redelivered batch
-- finds its row and changes nothing twice.
CREATE TABLE backfill.run_batches (
    run_id          uuid NOT NULL,
    batch_number    integer NOT NULL,
    migrated        integer NOT NULL,
    skipped_changed integer NOT NULL,
    duration_ms     double precision NOT NULL,
    processed_by    text NOT NULL,
    processed_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, batch_number)
);

-- Append-only: who did what when, with counts. message_id makes a redelivered event record once.
CREATE TABLE backfill.run_audit_events (
    id          bigserial PRIMARY KEY,
    run_id      uuid NOT NULL,
    message_id  uuid UNIQUE,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    action      text NOT NULL,
    details     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX run_audit_events_run_idx ON backfill.run_audit_events (run_id, id);
CREATE FUNCTION backfill.reject_audit_change() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'run_audit_events is append-only'; END $$;
CREATE TRIGGER run_audit_events_append_only BEFORE UPDATE OR DELETE ON backfill.run_audit_events
    FOR EACH ROW EXECUTE FUNCTION backfill.reject_audit_change();

-- The backup tables a run created (backfill."sessions_backup_<run id, no dashes>").
CREATE TABLE backfill.run_backups (
    run_id      uuid PRIMARY KEY,
    table_name  text NOT NULL,
    row_count   bigint NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    dropped_at  timestamptz,
    dropped_by  text
);
