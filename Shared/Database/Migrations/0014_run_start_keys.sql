-- The Idempotency-Key of POST /api/runs: a client that sends a start again under the same key (after a timeout, a lost
-- answer, a script run twice) gets the run its first request started, not a second run of the plan. A key is its caller's
-- own, so two users' keys never meet. The request is kept without its run id, to tell a repeat from a different start
-- under a reused key.
CREATE TABLE backfill.run_start_keys (
    requested_by    text NOT NULL,
    idempotency_key text NOT NULL,
    run_id          uuid NOT NULL,
    request         jsonb NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (requested_by, idempotency_key)
);
