-- Every run the API accepted, until its saga holds it. A StartRun goes straight from the API to the broker: if the broker
-- loses it (a purged queue, a broker that lost its data), nothing else knows the run exists, and its 202 would lead to a
-- run that never appears. The reconciler publishes a request again, under its first message id (the audit records it once),
-- when the saga has not taken it up within the stall timeout, and forgets the requests whose run the saga holds.
CREATE TABLE backfill.run_requests (
    run_id       uuid PRIMARY KEY,
    message_id   uuid NOT NULL,
    request      jsonb NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now()
);
