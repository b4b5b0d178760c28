using System.Runtime.CompilerServices;
using AspireMigration.Shared.Contracts.Api.Plans;
using Dapper;
using Npgsql;

namespace AspireMigration.Analyzer.Plans;

/// <summary>Reads plans back for the API, the reports and the dashboard.</summary>
public sealed class PlanQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<PlanSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PlanRow>(new CommandDefinition(
            PlanRow.SelectSql + " ORDER BY p.created_at DESC, p.id DESC", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSummary()).ToList();
    }

    public Task<PlanSummary?> FindAsync(Guid planId, CancellationToken cancellationToken) =>
        SingleAsync(PlanRow.SelectSql + " WHERE p.id = @planId", new { planId }, cancellationToken);

    public Task<PlanSummary?> LatestAsync(CancellationToken cancellationToken) =>
        SingleAsync(PlanRow.SelectSql + " ORDER BY p.created_at DESC, p.id DESC LIMIT 1", null, cancellationToken);

    /// <summary>One page of the plan's items; every filter and sort maps to a fixed SQL fragment, never to SQL text.</summary>
    public async Task<ItemPage?> PageAsync(Guid planId, PlanItemQuery query, CancellationToken cancellationToken)
    {
        var plan = await FindAsync(planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        const string filter = """
             WHERE i.plan_id = @planId
            AND (@type::text IS NULL OR i.assignment_type = @type)
            AND (@minConfidence::numeric IS NULL OR i.confidence >= @minConfidence)
            AND (@maxConfidence::numeric IS NULL OR i.confidence <= @maxConfidence)
            AND (@projectId::uuid IS NULL OR i.target_project_id = @projectId OR i.suggested_project_id = @projectId)
            """;
        var orderBy = query.Sort switch
        {
            PlanItemSort.Confidence => "i.confidence",
            PlanItemSort.AssignmentType => "i.assignment_type",
            PlanItemSort.EvidenceEvents => "i.evidence_events",
            _ => "i.session_id",
        } + (query.Descending == true ? " DESC" : " ASC") + ", i.session_id";
        var (page, pageSize) = (query.Page ?? 1, query.PageSize ?? PlanItemQuery.DefaultPageSize);
        var parameters = new
        {
            planId, type = query.Type, minConfidence = query.MinConfidence, maxConfidence = query.MaxConfidence,
            projectId = query.ProjectId, offset = (long)(page - 1) * pageSize, pageSize,
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM backfill.plan_items i" + filter, parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<PlanItemRow>(new CommandDefinition(
            $"{PlanItemRow.SelectSql}{filter} ORDER BY {orderBy} OFFSET @offset LIMIT @pageSize", parameters,
            cancellationToken: cancellationToken));
        var approvals = await connection.QueryAsync<
            (string By, DateTime At, bool RisksAcknowledged, string? WithdrawnBy, DateTime? WithdrawnAt, string? Reason)>(
            new CommandDefinition("""
                SELECT approved_by, approved_at, risks_acknowledged, withdrawn_by, withdrawn_at, withdraw_reason
                FROM backfill.plan_approvals WHERE plan_id = @planId ORDER BY id
                """, new { planId }, cancellationToken: cancellationToken));
        var history = approvals.Select(a => new ApprovalRecord(a.By, Utc(a.At), a.RisksAcknowledged, a.WithdrawnBy,
            a.WithdrawnAt is { } withdrawnAt ? Utc(withdrawnAt) : null, a.Reason)).ToList();
        return new ItemPage(plan, history, page, pageSize, query.Type, total, rows.Select(r => r.ToItem()).ToList());
    }

    /// <summary>
    /// Items per tenth of confidence, all ten and empty ones as 0, so a gap in the distribution shows as one (the top
    /// bucket holds 1.0); null when the plan does not exist.
    /// </summary>
    public async Task<IReadOnlyList<ConfidenceBucket>?> HistogramAsync(Guid planId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM backfill.plans WHERE id = @planId)", new { planId }, cancellationToken: cancellationToken)))
        {
            return null;
        }
        var buckets = await connection.QueryAsync<ConfidenceBucket>(new CommandDefinition("""
            SELECT (tenth / 10.0)::numeric(2, 1) AS Lower, coalesce(counted.items, 0) AS Items
            FROM generate_series(0, 9) tenth
            LEFT JOIN (SELECT least(floor(confidence * 10), 9)::int AS tenth, count(*)::int AS items
                       FROM backfill.plan_items WHERE plan_id = @planId GROUP BY 1) counted USING (tenth)
            ORDER BY tenth
            """, new { planId }, cancellationToken: cancellationToken));
        return buckets.AsList();
    }

    /// <summary>Every item of a plan in session order, unbuffered, so a report of a million items streams.</summary>
    public async IAsyncEnumerable<PlanItem> StreamItemsAsync(Guid planId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<PlanItemRow>(
            PlanItemRow.SelectSql + " WHERE i.plan_id = @planId ORDER BY i.session_id", new { planId });
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row.ToItem();
        }
    }

    private static DateTimeOffset Utc(DateTime timestamp) => new(timestamp, TimeSpan.Zero);

    private async Task<PlanSummary?> SingleAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PlanRow>(
            new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return row?.ToSummary();
    }
}
