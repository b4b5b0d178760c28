using System.Runtime.CompilerServices;
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

    public async Task<ItemPage?> PageAsync(Guid planId, int page, int pageSize, string? type, CancellationToken cancellationToken)
    {
        var plan = await FindAsync(planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        const string filter = " WHERE i.plan_id = @planId AND (@type::text IS NULL OR i.assignment_type = @type)";
        var parameters = new { planId, type, offset = (long)(page - 1) * pageSize, pageSize };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM backfill.plan_items i" + filter, parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<PlanItemRow>(new CommandDefinition(
            PlanItemRow.SelectSql + filter + " ORDER BY i.session_id OFFSET @offset LIMIT @pageSize", parameters, cancellationToken: cancellationToken));
        var approvals = await connection.QueryAsync<(string By, DateTime At, bool RisksAcknowledged, string? WithdrawnBy, DateTime? WithdrawnAt, string? Reason)>(
            new CommandDefinition("""
                SELECT approved_by, approved_at, risks_acknowledged, withdrawn_by, withdrawn_at, withdraw_reason
                FROM backfill.plan_approvals WHERE plan_id = @planId ORDER BY id
                """, new { planId }, cancellationToken: cancellationToken));
        var history = approvals.Select(a => new ApprovalRecord(a.By, Utc(a.At), a.RisksAcknowledged, a.WithdrawnBy,
            a.WithdrawnAt is { } withdrawnAt ? Utc(withdrawnAt) : null, a.Reason)).ToList();
        return new ItemPage(plan, history, page, pageSize, type, total, rows.Select(r => r.ToItem()).ToList());
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
        var row = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return row?.ToSummary();
    }
}
