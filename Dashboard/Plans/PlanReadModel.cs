using AspireMigration.Shared.Domain;

using Dapper;
using Npgsql;

namespace AspireMigration.Dashboard.Plans;

/// <summary>
/// Reads plans straight from the tool schema. Paging, sorting and filtering happen in PostgreSQL
/// so the grid stays fast at a million items; the Analyzer's API stays the only writer.
/// </summary>
public sealed class PlanReadModel(NpgsqlDataSource dataSource)
{
    private const string SummaryColumns = """
        p.id AS Id, p.created_at AS CreatedAt, p.created_by AS CreatedBy, p.total AS Total, p.confident AS Confident,
        p.tentative AS Tentative, p.manual_review AS ManualReview, p.unassigned AS Unassigned,
        a.approved_by AS ApprovedBy, a.approved_at AS ApprovedAt
        """;

    public async Task<IReadOnlyList<PlanSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var plans = await connection.QueryAsync<PlanSummary>(new CommandDefinition($"""
            SELECT {SummaryColumns}
            FROM backfill.plans p LEFT JOIN backfill.plan_approvals_in_force a ON a.plan_id = p.id
            ORDER BY p.created_at DESC LIMIT 200
            """, cancellationToken: cancellationToken));
        return plans.AsList();
    }

    public async Task<PlanDetail?> GetAsync(Guid planId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var plan = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition($"""
            SELECT {SummaryColumns}, p.prior AS Prior, p.confident_threshold AS ConfidentThreshold,
                   p.tentative_threshold AS TentativeThreshold, p.risks::text AS Risks, p.recommendations::text AS Recommendations
            FROM backfill.plans p LEFT JOIN backfill.plan_approvals_in_force a ON a.plan_id = p.id
            WHERE p.id = @planId
            """, new { planId }, cancellationToken: cancellationToken));
        if (plan is null)
        {
            return null;
        }
        var histogram = await connection.QueryAsync<ConfidenceBucket>(new CommandDefinition("""
            SELECT (least(floor(confidence * 10), 9) / 10)::numeric AS Lower, count(*)::int AS Items
            FROM backfill.plan_items WHERE plan_id = @planId GROUP BY 1 ORDER BY 1
            """, new { planId }, cancellationToken: cancellationToken));
        var withdrawn = await connection.QueryAsync<WithdrawnApproval>(new CommandDefinition("""
            SELECT approved_by AS ApprovedBy, approved_at AS ApprovedAt, withdrawn_by AS WithdrawnBy, withdrawn_at AS WithdrawnAt, withdraw_reason AS Reason
            FROM backfill.plan_approvals WHERE plan_id = @planId AND withdrawn_at IS NOT NULL ORDER BY id
            """, new { planId }, cancellationToken: cancellationToken));
        return new PlanDetail(
            new PlanSummary(plan.Id, plan.CreatedAt, plan.CreatedBy, plan.Total, plan.Confident, plan.Tentative, plan.ManualReview, plan.Unassigned, plan.ApprovedBy, plan.ApprovedAt),
            plan.Prior, plan.ConfidentThreshold, plan.TentativeThreshold,
            System.Text.Json.JsonSerializer.Deserialize<string[]>(plan.Risks) ?? [],
            System.Text.Json.JsonSerializer.Deserialize<string[]>(plan.Recommendations) ?? [],
            histogram.AsList(), withdrawn.AsList());
    }

    public async Task<(IReadOnlyList<PlanItemRow> Items, int Total)> GetItemsAsync(PlanItemQuery query, CancellationToken cancellationToken)
    {
        var orderBy = query.Sort switch
        {
            PlanItemSort.Confidence => "i.confidence",
            PlanItemSort.AssignmentType => "i.assignment_type",
            PlanItemSort.EvidenceEvents => "i.evidence_events",
            _ => "i.session_id",
        } + (query.Descending ? " DESC" : " ASC") + ", i.session_id";
        const string filter = """
            i.plan_id = @PlanId
            AND (@AssignmentType::text IS NULL OR i.assignment_type = @AssignmentType)
            AND (@MinConfidence::numeric IS NULL OR i.confidence >= @MinConfidence)
            AND (@MaxConfidence::numeric IS NULL OR i.confidence <= @MaxConfidence)
            AND (@ProjectId::uuid IS NULL OR i.target_project_id = @ProjectId OR i.suggested_project_id = @ProjectId)
            """;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM backfill.plan_items i WHERE {filter}", query, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<PlanItemRow>(new CommandDefinition($"""
            SELECT i.session_id AS SessionId, i.assignment_type AS AssignmentType, i.target_project_id AS TargetProjectId, tp.name AS TargetProjectName,
                   i.suggested_project_id AS SuggestedProjectId, sp.name AS SuggestedProjectName, i.confidence AS Confidence,
                   i.events_total AS EventsTotal, i.evidence_events AS EvidenceEvents, i.reasoning AS Reasoning, i.warnings AS Warnings,
                   d.decision AS Decision, d.target_project_id AS DecisionTargetId, dp.name AS DecisionTargetName
            FROM backfill.plan_items i
            LEFT JOIN projects tp ON tp.id = i.target_project_id
            LEFT JOIN projects sp ON sp.id = i.suggested_project_id
            LEFT JOIN LATERAL (
                SELECT decision, target_project_id FROM backfill.plan_item_decisions
                WHERE plan_id = i.plan_id AND session_id = i.session_id ORDER BY id DESC LIMIT 1) d ON true
            LEFT JOIN projects dp ON dp.id = d.target_project_id
            WHERE {filter}
            ORDER BY {orderBy}
            OFFSET @Offset LIMIT @Count
            """, query, cancellationToken: cancellationToken));
        return (items.AsList(), total);
    }

    public async Task<IReadOnlyList<DistributionEntry>> GetDistributionAsync(Guid planId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var entries = await connection.QueryAsync<DistributionEntry>(new CommandDefinition("""
            SELECT d.project_id AS ProjectId, coalesce(p.name, '(deleted project)') AS ProjectName, coalesce(p.status, 'missing') AS Status, d.events AS Events
            FROM backfill.plan_distributions d LEFT JOIN projects p ON p.id = d.project_id
            WHERE d.plan_id = @planId AND d.session_id = @sessionId
            ORDER BY d.events DESC, p.name
            """, new { planId, sessionId }, cancellationToken: cancellationToken));
        return entries.AsList();
    }

    public async Task<IReadOnlyList<ProjectOption>> ActiveProjectsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var projects = await connection.QueryAsync<ProjectOption>(new CommandDefinition("""
            SELECT id AS Id, name AS Name FROM projects
            WHERE status = 'active' AND id <> @sentinel ORDER BY name
            """, new { sentinel = SentinelProject.Id }, cancellationToken: cancellationToken));
        return projects.AsList();
    }

    private sealed record PlanRow(
        Guid Id, DateTime CreatedAt, string CreatedBy, int Total, int Confident, int Tentative, int ManualReview, int Unassigned,
        string? ApprovedBy, DateTime? ApprovedAt, decimal Prior, decimal ConfidentThreshold, decimal TentativeThreshold, string Risks, string Recommendations);
}
