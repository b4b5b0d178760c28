using Dapper;
using Npgsql;

namespace AspireMigration.Analyzer.Plans;

/// <summary>
/// Operator decisions on a plan. They go to their own append-only tables: the analysed items stay
/// an immutable snapshot, and the newest decision per item wins. An approval freezes the plan until
/// an approver withdraws it.
/// </summary>
/// <remarks>
/// Decisions hold the plan row FOR SHARE, approvals and withdrawals FOR UPDATE (pre-flight FOR SHARE
/// too), so a decision never lands beside a concurrent approval: whichever locks second reads what
/// the first committed.
/// </remarks>
public sealed class PlanDecisions(NpgsqlDataSource dataSource)
{
    public async Task<DecisionOutcome> DecideAsync(Guid planId, Guid sessionId, string decision, Guid? targetProjectId, string decidedBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var plan = await LockAsync(connection, transaction, planId, "SHARE", cancellationToken);
        if (plan is null)
        {
            return DecisionOutcome.PlanNotFound;
        }
        if (plan.Value.Approved)
        {
            return DecisionOutcome.PlanFrozen;
        }
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM backfill.plan_items WHERE plan_id = @planId AND session_id = @sessionId)",
                new { planId, sessionId }, transaction, cancellationToken: cancellationToken)))
        {
            return DecisionOutcome.ItemNotFound;
        }
        if (targetProjectId is { } projectId && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM projects WHERE id = @projectId AND status = 'active')", new { projectId }, transaction, cancellationToken: cancellationToken)))
        {
            return DecisionOutcome.ProjectNotAssignable;
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO backfill.plan_item_decisions (plan_id, session_id, decision, target_project_id, decided_by)
            VALUES (@planId, @sessionId, @decision, @targetProjectId, @decidedBy)
            """, new { planId, sessionId, decision, targetProjectId, decidedBy }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return DecisionOutcome.Recorded;
    }

    /// <summary>Approves the plan; the approval records the newest decision it covers (see migration 0006).</summary>
    public async Task<ApprovalOutcome> ApproveAsync(Guid planId, string approvedBy, bool acknowledgeRisks, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var plan = await LockAsync(connection, transaction, planId, "UPDATE", cancellationToken);
        if (plan is null)
        {
            return ApprovalOutcome.PlanNotFound;
        }
        if (plan.Value.Approved)
        {
            return ApprovalOutcome.AlreadyApproved;
        }
        if (plan.Value.HasRisks && !acknowledgeRisks)
        {
            return ApprovalOutcome.RisksNotAcknowledged;
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO backfill.plan_approvals (plan_id, approved_by, risks_acknowledged)
            VALUES (@planId, @approvedBy, @acknowledgeRisks)
            """, new { planId, approvedBy, acknowledgeRisks }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return ApprovalOutcome.Approved;
    }

    /// <summary>Withdraws the approval in force, recording who, when and why; the plan is open to decisions again.</summary>
    public async Task<WithdrawalOutcome> WithdrawApprovalAsync(Guid planId, string withdrawnBy, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var plan = await LockAsync(connection, transaction, planId, "UPDATE", cancellationToken);
        if (plan is null)
        {
            return WithdrawalOutcome.PlanNotFound;
        }
        if (!plan.Value.Approved)
        {
            return WithdrawalOutcome.NotApproved;
        }
        if (plan.Value.RunActive)
        {
            return WithdrawalOutcome.RunActive;
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE backfill.plan_approvals SET withdrawn_at = now(), withdrawn_by = @withdrawnBy, withdraw_reason = @reason
            WHERE plan_id = @planId AND withdrawn_at IS NULL
            """, new { planId, withdrawnBy, reason }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return WithdrawalOutcome.Withdrawn;
    }

    /// <summary>
    /// Locks the plan row, then reads its state in a second statement: in READ COMMITTED that
    /// statement's snapshot sees what the holder of a conflicting lock committed while we waited.
    /// </summary>
    private static async Task<(bool HasRisks, bool Approved, bool RunActive)?> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid planId, string lockStrength, CancellationToken cancellationToken)
    {
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                $"SELECT true FROM backfill.plans WHERE id = @planId FOR {lockStrength}", new { planId }, transaction, cancellationToken: cancellationToken)))
        {
            return null;
        }
        return await connection.QuerySingleAsync<(bool, bool, bool)>(new CommandDefinition("""
            SELECT jsonb_array_length(p.risks) > 0,
                   EXISTS (SELECT 1 FROM backfill.plan_approvals_in_force a WHERE a.plan_id = p.id),
                   EXISTS (SELECT 1 FROM backfill.runs r WHERE r.active AND r.plan_id = p.id)
            FROM backfill.plans p WHERE p.id = @planId
            """, new { planId }, transaction, cancellationToken: cancellationToken));
    }
}
