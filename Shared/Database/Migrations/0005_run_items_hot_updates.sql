-- Every included run item is updated once per batch (pending -> migrated) and once more on rollback.
-- Leaving half of each page free lets those updates stay on the same page (HOT): outcome is in no
-- index, so no index entry is written per update and the batch and rollback statements touch half
-- as many pages. Applies to pages written from now on.
ALTER TABLE backfill.run_items SET (fillfactor = 50);
