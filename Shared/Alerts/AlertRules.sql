-- Each SELECT yields (rule, subject, message) rows, one per tripped alert. Parameters come from
-- AlertThresholds, the saga's state names from RunStates and item outcomes from ItemOutcomes. Rules over the Executor's tables only
-- look at runs that exist.

-- More than the allowed share of a finished run's included sessions did not migrate.
SELECT 'run-failure-rate' AS rule, r.run_id::text AS subject,
       format('Run %s: %s of %s included sessions were not migrated (%s%%)', r.run_id, f.failed, f.included,
              round(100.0 * f.failed / f.included, 1)) AS message
FROM backfill.runs r
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE outcome = ANY(@NotMigrated)) AS failed,
           count(*) AS included
    FROM backfill.run_items WHERE run_id = r.run_id AND included) f
WHERE f.included > 0 AND f.failed::numeric / f.included > @RunFailureRate
  AND r.created_at > now() - interval '7 days'

UNION ALL
-- The newest plan leans on uncertain evidence.
SELECT 'plan-uncertain-share', p.id::text,
       format('Plan %s: %s of %s items are tentative or need manual review', p.id, p.tentative + p.manual_review, p.total)
FROM (SELECT * FROM backfill.plans ORDER BY created_at DESC LIMIT 1) p
WHERE p.total > 0 AND (p.tentative + p.manual_review)::numeric / p.total > @PlanUncertainShare

UNION ALL
-- The newest analysis was slow.
SELECT 'analysis-duration', p.id::text,
       format('Analysis of plan %s took %s s', p.id, round((p.analysis_duration_ms / 1000)::numeric, 1))
FROM (SELECT * FROM backfill.plans ORDER BY created_at DESC LIMIT 1) p
WHERE p.analysis_duration_ms > @AnalysisSeconds * 1000

UNION ALL
-- Any rollback, automatic or by an operator, recently.
SELECT 'rollback', s.correlation_id::text,
       format('Run %s was rolled back (%s)', s.correlation_id, s.current_state)
FROM backfill.run_sagas s
WHERE s.current_state IN (@RollingBack, @RolledBack) AND s.updated_at > now() - @RollbackWindow

UNION ALL
-- Orphans are coming back: more now than right after the newest completed run.
SELECT 'orphans-rising', 'database',
       format('%s orphan sessions now, %s right after run %s completed', o.now, r.orphans_before - m.migrated, r.run_id)
FROM (SELECT r.* FROM backfill.runs r JOIN backfill.run_sagas s ON s.correlation_id = r.run_id
      WHERE s.current_state = @Completed AND NOT r.dry_run AND r.orphans_before IS NOT NULL
      ORDER BY r.finished_at DESC NULLS LAST LIMIT 1) r
CROSS JOIN LATERAL (SELECT count(*) AS migrated FROM backfill.run_items WHERE run_id = r.run_id AND outcome = @Migrated) m
CROSS JOIN LATERAL (SELECT count(*) AS now FROM public.sessions WHERE project_id IS NULL) o
WHERE o.now > r.orphans_before - m.migrated

UNION ALL
-- A run in progress has stopped moving: its saga has not changed and no batch was claimed for a while
-- (the reconciler's re-sends do not count as progress: a run they cannot move must still be seen).
SELECT 'run-stalled', s.correlation_id::text,
       format('Run %s has made no progress for %s minutes while %s', s.correlation_id,
              floor(extract(epoch FROM now() - greatest(s.updated_at, b.last_claim)) / 60), s.current_state)
FROM backfill.run_sagas s
CROSS JOIN LATERAL (SELECT max(processed_at) AS last_claim FROM backfill.run_batches WHERE run_id = s.correlation_id) b
WHERE s.current_state = ANY(@InProgress)
  AND greatest(s.updated_at, b.last_claim) < now() - @RunStalledAfter

UNION ALL
-- A run not yet finished has spent too long Throttled by database health, over all its throttles: the database has been
-- unhealthy for that long, or a threshold is too tight. The saga keeps the seconds of its earlier throttles and when the
-- current one began.
SELECT 'run-throttled', s.correlation_id::text,
       format('Run %s has been throttled for %s minutes%s', s.correlation_id, floor(t.seconds / 60),
              CASE WHEN s.current_state = @Throttled THEN ', and still is' ELSE '' END)
FROM backfill.run_sagas s
CROSS JOIN LATERAL (
    SELECT coalesce((s.state ->> @ThrottledSecondsKey)::float8, 0)
           + coalesce(extract(epoch FROM now() - (s.state ->> @ThrottledSinceKey)::timestamptz)::float8, 0) AS seconds) t
WHERE s.current_state <> ALL(@Finished)
  AND t.seconds > extract(epoch FROM @RunThrottledAfter::interval)
