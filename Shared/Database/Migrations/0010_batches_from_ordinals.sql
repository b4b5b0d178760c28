-- Batch boundaries are decided when a batch is dispatched (its size may adapt to measured durations), not at
-- pre-flight: pre-flight numbers the included items 1..n in session order, a batch is an ordinal range that the
-- saga records when it dispatches it and the ledger row keeps, and the batch writes its number on its items.
ALTER TABLE backfill.run_items ADD COLUMN ordinal integer;
CREATE INDEX run_items_ordinal_idx ON backfill.run_items (run_id, ordinal) WHERE included;

-- batch_number is now written by the batch's own update, which stays HOT only while no index covers it.
DROP INDEX backfill.run_items_batch_idx;

-- The range a batch covered; null for batches of runs from before ranges.
ALTER TABLE backfill.run_batches ADD COLUMN first_ordinal integer, ADD COLUMN last_ordinal integer;
