-- Each plan item carries its session's evidence distribution: the analysis writes one row per orphan instead of one
-- more row per (orphan, project) into a second indexed table, which cost a fifth of a 100k-orphan analysis, and a
-- report reads the item without a lookup per session. Plans already written keep their distributions.
ALTER TABLE backfill.plan_items ADD COLUMN distribution jsonb NOT NULL DEFAULT '{}';
UPDATE backfill.plan_items i
SET distribution = d.distribution
FROM (SELECT plan_id, session_id, jsonb_object_agg(project_id, events) AS distribution
      FROM backfill.plan_distributions
      GROUP BY plan_id, session_id) d
WHERE d.plan_id = i.plan_id AND d.session_id = i.session_id;
DROP TABLE backfill.plan_distributions;

-- Maintaining this index cost a third of the analysis's writes (a numeric comparison per level of the tree for every
-- item). The grid sorts by confidence the way it already sorts by type or evidence: a top-N sort of the plan's items,
-- which the page's own count of those items already reads.
DROP INDEX backfill.plan_items_confidence_idx;
