-- Every request the API accepts for a run, not only its start: an operator's pause, resume, cancel, rollback, retry or
-- pacing change went from the API to the broker once, and a broker that lost it left the run as it was. Each request is
-- now kept, under its message id, until the saga's transaction that handles it (or ignores it, in a state that does not
-- take it) deletes it, with the older requests of the same kind for the same run, which it supersedes. The reconciler
-- sends a request again, under the same id, when it is older than the stall timeout; redispatches counts how often, so a
-- request the saga can never handle is not sent for ever.
ALTER TABLE backfill.run_requests DROP CONSTRAINT run_requests_pkey;
ALTER TABLE backfill.run_requests ADD PRIMARY KEY (message_id);
ALTER TABLE backfill.run_requests ADD COLUMN message_type text NOT NULL DEFAULT 'AspireMigration.Shared.Contracts.Runs.StartRun';
ALTER TABLE backfill.run_requests ALTER COLUMN message_type DROP DEFAULT;
ALTER TABLE backfill.run_requests ADD COLUMN redispatches int NOT NULL DEFAULT 0;
CREATE INDEX run_requests_by_run ON backfill.run_requests (run_id, message_type, requested_at);
