using Dapper;
using Npgsql;

namespace AspireMigration.Analyzer.Plans;

/// <summary>
/// Operator decisions on a plan. They go to their own append-only tables: the analysed items stay
/// an immutable snapshot, and the newest decision per item wins.
/// </summary>
public sealed class PlanDecisions(NpgsqlDataSource dataSource, PlanQueries plans)
{
    public async Task<DecisionOutcome> DecideAsync(Guid planId, Guid sessionId, string decision, Guid? targetProjectId, string decidedBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM backfill.plans WHERE id = @planId)", new { planId }, cancellationToken: cancellationToken)))
        {
            return DecisionOutcome.PlanNotFound;
        }
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM backfill.plan_items WHERE plan_id = @planId AND session_id = @sessionId)",
                new { planId, sessionId }, cancellationToken: cancellationToken)))
        {
            return DecisionOutcome.ItemNotFound;
        }
        if (targetProjectId is { } projectId && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM projects WHERE id = @projectId AND status = 'active')", new { projectId }, cancellationToken: cancellationToken)))
        {
            return DecisionOutcome.ProjectNotAssignable;
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO backfill.plan_item_decisions (plan_id, session_id, decision, target_project_id, decided_by)
            VALUES (@planId, @sessionId, @decision, @targetProjectId, @decidedBy)
            """, new { planId, sessionId, decision, targetProjectId, decidedBy }, cancellationToken: cancellationToken));
        return DecisionOutcome.Recorded;
    }

    public async Task<ApprovalOutcome> ApproveAsync(Guid planId, string approvedBy, bool acknowledgeRisks, CancellationToken cancellationToken)
    {
        var plan = await plans.FindAsync(planId, cancellationToken);
        if (plan is null)
        {
            return ApprovalOutcome.PlanNotFound;
        }
        if (plan.Approval is not null)
        {
            return ApprovalOutcome.AlreadyApproved;
        }
        if (plan.Risks.Count > 0 && !acknowledgeRisks)
        {
            return ApprovalOutcome.RisksNotAcknowledged;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // ON CONFLICT: two approvers racing each other; the first one wins.
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO backfill.plan_approvals (plan_id, approved_by, risks_acknowledged)
            VALUES (@planId, @approvedBy, @acknowledgeRisks)
            ON CONFLICT (plan_id) DO NOTHING
            """, new { planId, approvedBy, acknowledgeRisks }, cancellationToken: cancellationToken));
        return inserted == 1 ? ApprovalOutcome.Approved : ApprovalOutcome.AlreadyApproved;
    }
}
