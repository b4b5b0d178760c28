-- Validation now compares a run against its own backup only (its cost follows the run, and orphans
-- the application fixes during a run no longer fail it): the per-run copy of every other orphan goes.
DROP TABLE IF EXISTS backfill.run_outside_orphans;

-- What else the batch's own transaction changed in sessions besides its migrated rows (a trigger that
-- cascades, say): read from the transaction's own statistics, so it costs nothing per row.
ALTER TABLE backfill.run_batches ADD COLUMN sessions_changed_outside integer NOT NULL DEFAULT 0;
