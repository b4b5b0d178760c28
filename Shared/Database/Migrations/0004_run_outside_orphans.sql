-- The orphans outside a run at the moment of its backup (same snapshot). Validation counts the
-- orphan drop over these and the run's own sessions only: the application may keep creating
-- orphans during a run, and those are neither the run's doing nor a reason to roll it back.
CREATE TABLE backfill.run_outside_orphans (
    run_id      uuid NOT NULL,
    session_id  uuid NOT NULL,
    PRIMARY KEY (run_id, session_id)
);
