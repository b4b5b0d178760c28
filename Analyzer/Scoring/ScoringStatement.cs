using System.Globalization;
using AspireMigration.Shared.Domain;
using Dapper;
using Npgsql;

namespace AspireMigration.Analyzer.Scoring;

/// <summary>
/// The scoring rules of the product contract where the data is, in one round trip: the evidence is grouped, ranked,
/// scored and written as plan items and distributions without leaving PostgreSQL. Streaming every group out and
/// copying every item back cost about twice the evidence query itself; here only one row per distinct
/// (type, confidence) comes back, for the plan's counts and the confidence metric.
/// </summary>
public static class ScoringStatement
{
    public const string TieWarning = "tie";

    public const string StillActiveWarning = "session is still active (ended_at is null)";

    public const string ActiveStatus = "active";

    // The shape, step by step:
    // - orphan_event_groups: one aggregate of the orphans' events per (session, project), like the plain GROUP BY floor, into a
    //   temporary table dropped at commit: PostgreSQL runs parallel workers for CREATE TABLE AS, never for an INSERT
    //   with data-modifying CTEs, and the aggregate is most of the work (measured at 100k orphans: 1.5-1.8x faster).
    //   NULL-project and sentinel groups come along only to count events_total in the same scan. (A temporary table
    //   needs the database's TEMPORARY privilege, which PostgreSQL grants to PUBLIC unless it was revoked.) It is not
    //   ANALYZEd: the plan below is the same without statistics, and ANALYZE cost 40 ms at 100k.
    // - ranked/evidence: one sort of the groups by session (evidence first, then count descending, then project id, the order
    //   C#'s Guid comparison gave) feeds both window levels: the first row is the top project, the second level
    //   counts and names the projects sharing the top count, and gathers the session's distribution as jsonb for its
    //   item: a second table of one row per (session, project) cost a fifth of the analysis to write and index.
    // - confidences: k / (n + prior) computed once per distinct (k, n), exactly: the quotient is rounded to 28
    //   decimal places half to even (div and mod in numeric), as .NET's decimal division rounded it, so the stored
    //   value and every threshold comparison are the ones the contract's exact decimal arithmetic gives. The reasoning
    //   prints it to four places, or more where four would carry it across a threshold (1808/2009 = 0.89995, not 0.9000
    //   on a tentative item), as ConfidenceText does on screen.
    // - items: every orphan (those without events get no group), typed, explained and inserted; RETURNING
    //   feeds the tally. The target-not-active warning is always the last one on a confident or tentative item.
    private const string Sql = $$"""
        CREATE TEMPORARY TABLE orphan_event_groups ON COMMIT DROP AS
            SELECT e.session_id, e.project_id, count(*)::int AS events,
                   coalesce(e.project_id <> '{{SentinelProject.IdText}}', false) AS evidence
            FROM analytics_events e
            JOIN sessions o ON o.id = e.session_id
            WHERE o.project_id IS NULL
            GROUP BY e.session_id, e.project_id;
        WITH ranked AS (
            SELECT g.session_id, g.project_id, g.events, g.evidence, p.status, coalesce(p.name, g.project_id::text) AS name,
                   row_number() OVER w AS position,
                   first_value(g.events) OVER w AS k,
                   sum(g.events) OVER w AS events_total,
                   coalesce(sum(g.events) FILTER (WHERE g.evidence) OVER w, 0)::int AS n
            FROM orphan_event_groups g
            LEFT JOIN projects p ON p.id = g.project_id
            WINDOW w AS (PARTITION BY g.session_id ORDER BY g.evidence DESC, g.events DESC, g.project_id
                         ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)),
        evidence AS MATERIALIZED (
            SELECT * FROM (
                SELECT session_id, project_id AS top_project, name AS top_name, status AS top_status, position,
                       events_total, n, k,
                       count(*) FILTER (WHERE evidence AND events = k) OVER w AS top_count,
                       string_agg(name, ', ') FILTER (WHERE evidence AND events = k) OVER w AS top_names,
                       jsonb_object_agg(project_id, events) FILTER (WHERE evidence) OVER w AS distribution
                FROM ranked
                WINDOW w AS (PARTITION BY session_id ORDER BY evidence DESC, events DESC, project_id
                             ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) t
            WHERE position = 1),
        quotients AS (
            SELECT k, n, scaled, denominator, div(scaled, denominator) AS truncated
            FROM (SELECT DISTINCT k, n, k * 10000000000000000000000000000 AS scaled, n + @prior AS denominator
                  FROM evidence WHERE n > 0) d),
        confidences AS (
            SELECT k, n, c AS confidence, c >= @tentativeThreshold AS tentative, c >= @confidentThreshold AS confident,
                   (SELECT round(c, places)::text FROM generate_series(4, 28) places
                    WHERE (round(c, places) >= @tentativeThreshold) = (c >= @tentativeThreshold)
                      AND (round(c, places) >= @confidentThreshold) = (c >= @confidentThreshold)
                    ORDER BY places LIMIT 1) AS printed
            FROM (SELECT k, n, trim_scale(
                             (truncated + CASE WHEN 2 * (scaled - truncated * denominator) > denominator
                                                    OR (2 * (scaled - truncated * denominator) = denominator
                                                        AND mod(truncated, 2) = 1)
                                               THEN 1 ELSE 0 END)
                             * 0.0000000000000000000000000001) AS c
                  FROM quotients) q),
        typed AS (
            SELECT s.id AS session_id, s.updated_at, s.ended_at IS NULL AS still_active,
                   coalesce(ev.events_total, 0) AS events_total, coalesce(ev.n, 0) AS n, ev.k, ev.top_count, ev.top_names,
                   ev.top_project, ev.top_name, ev.top_status, coalesce(ev.distribution, '{}') AS distribution,
                   coalesce(c.confidence, 0) AS confidence, c.printed, c.confident,
                   CASE WHEN coalesce(ev.n, 0) = 0 THEN '{{AssignmentTypeNames.Unassigned}}'
                        WHEN ev.top_count > 1 OR NOT c.tentative THEN '{{AssignmentTypeNames.ManualReview}}'
                        WHEN c.confident AND ev.top_status IS NOT DISTINCT FROM '{{ActiveStatus}}'
                            THEN '{{AssignmentTypeNames.Confident}}'
                        ELSE '{{AssignmentTypeNames.Tentative}}' END AS assignment_type,
                   coalesce(ev.top_count = 1 AND c.tentative AND ev.top_status IS DISTINCT FROM '{{ActiveStatus}}', false)
                       AS target_not_active
            FROM sessions s
            LEFT JOIN evidence ev ON ev.session_id = s.id
            LEFT JOIN confidences c ON c.k = ev.k AND c.n = ev.n
            WHERE s.project_id IS NULL),
        items AS (
            INSERT INTO backfill.plan_items (plan_id, session_id, assignment_type, target_project_id, suggested_project_id,
                confidence, events_total, evidence_events, reasoning, warnings, session_updated_at, distribution)
            SELECT @planId, session_id, assignment_type,
                   CASE assignment_type
                       WHEN '{{AssignmentTypeNames.Unassigned}}' THEN '{{SentinelProject.IdText}}'::uuid
                       WHEN '{{AssignmentTypeNames.ManualReview}}' THEN NULL
                       ELSE top_project END,
                   CASE WHEN top_count = 1 THEN top_project END,
                   confidence, events_total, n,
                   CASE WHEN n = 0 AND events_total = 0 THEN 'no events recorded for this session'
                        WHEN n = 0 THEN 'none of its ' || events_total || ' events names a project'
                        WHEN top_count > 1
                            THEN 'projects ' || top_names || ' share the top count of ' || k || ' of ' || n || ' evidence events'
                        ELSE k || ' of ' || n || ' evidence events point to project ' || top_name
                             || '; confidence ' || k || '/(' || n || '+' || @priorText || ') = ' || printed
                             || CASE WHEN target_not_active AND confident
                                     THEN '; downgraded from confident because the project is not active' ELSE '' END END,
                   CASE WHEN top_count > 1 THEN ARRAY['{{TieWarning}}'] ELSE '{}'::text[] END
                       || CASE WHEN still_active THEN ARRAY['{{StillActiveWarning}}'] ELSE '{}'::text[] END
                       || CASE WHEN target_not_active
                               THEN ARRAY['target project ' || top_name || ' is ' || coalesce(top_status, 'missing') || ', not active']
                               ELSE '{}'::text[] END,
                   updated_at, distribution
            FROM typed
            RETURNING assignment_type, confidence, warnings)
        SELECT assignment_type AS Type, confidence AS Confidence, count(*)::int AS Items,
               count(*) FILTER (WHERE '{{StillActiveWarning}}' = ANY (warnings))::int AS StillActive,
               count(*) FILTER (WHERE assignment_type IN ('{{AssignmentTypeNames.Confident}}', '{{AssignmentTypeNames.Tentative}}')
                                AND warnings[cardinality(warnings)] <> '{{StillActiveWarning}}')::int AS TargetNotActive
        FROM items
        GROUP BY assignment_type, confidence;
        SELECT EXISTS (SELECT 1 FROM projects WHERE id = '{{SentinelProject.IdText}}');
        """;

    /// <summary>Scores every orphan into plan <paramref name="planId"/>'s items, in the caller's transaction and snapshot.</summary>
    public static async Task<ScoringOutcome> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid planId,
        AnalysisSettings settings, CancellationToken cancellationToken)
    {
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, new
        {
            planId,
            prior = settings.Prior,
            // Printed as the settings print it (1, 1.5, 1.50), not as PostgreSQL would normalise the numeric.
            priorText = settings.Prior.ToString(CultureInfo.InvariantCulture),
            tentativeThreshold = settings.TentativeThreshold,
            confidentThreshold = settings.ConfidentThreshold,
        }, transaction, commandTimeout: 0, cancellationToken: cancellationToken));
        var groups = (await results.ReadAsync<(string Type, decimal Confidence, int Items, int StillActive, int TargetNotActive)>())
            .Select(row => new ScoredGroup(ParseType(row.Type), row.Confidence, row.Items, row.StillActive, row.TargetNotActive))
            .ToList();
        var sentinelExists = await results.ReadSingleAsync<bool>();
        return new ScoringOutcome(groups, sentinelExists);
    }

    private static AssignmentType ParseType(string name) =>
        AssignmentTypeNames.TryParse(name, out var type) ? type : throw new InvalidOperationException($"Unknown assignment type '{name}'.");
}
