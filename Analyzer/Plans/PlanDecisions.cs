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
    private const string ForShare = "FOR SHARE", ForUpdate = "FOR UPDATE";

    public Task<DecisionOutcome> DecideAsync(
        Guid planId, Guid sessionId, string decision, Guid? targetProjectId, string decidedBy, CancellationToken cancellationToken) =>
        WithPlanLockedAsync(planId, ForShare, DecisionOutcome.PlanNotFound, async (connection, transaction, plan) =>
        {
            if (plan.Approved)
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
                    "SELECT EXISTS (SELECT 1 FROM projects WHERE id = @projectId AND status = 'active')", new { projectId }, transaction,
                    cancellationToken: cancellationToken)))
            {
                return DecisionOutcome.ProjectNotAssignable;
            }
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO backfill.plan_item_decisions (plan_id, session_id, decision, target_project_id, decided_by)
                VALUES (@planId, @sessionId, @decision, @targetProjectId, @decidedBy)
                """, new { planId, sessionId, decision, targetProjectId, decidedBy }, transaction, cancellationToken: cancellationToken));
            return DecisionOutcome.Recorded;
        }, cancellationToken);

    /// <summary>Approves the plan; the approval records the newest decision it covers (see migration 0006).</summary>
    public Task<ApprovalOutcome> ApproveAsync(Guid planId, string approvedBy, bool acknowledgeRisks, CancellationToken cancellationToken) =>
        WithPlanLockedAsync(planId, ForUpdate, ApprovalOutcome.PlanNotFound, async (connection, transaction, plan) =>
        {
            if (plan.Approved)
            {
                return ApprovalOutcome.AlreadyApproved;
            }
            if (plan.HasRisks && !acknowledgeRisks)
            {
                return ApprovalOutcome.RisksNotAcknowledged;
            }
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO backfill.plan_approvals (plan_id, approved_by, risks_acknowledged)
                VALUES (@planId, @approvedBy, @acknowledgeRisks)
                """, new { planId, approvedBy, acknowledgeRisks }, transaction, cancellationToken: cancellationToken));
            return ApprovalOutcome.Approved;
        }, cancellationToken);

    /// <summary>Withdraws the approval in force, recording who, when and why; the plan is open to decisions again.</summary>
    public Task<WithdrawalOutcome> WithdrawApprovalAsync(
        Guid planId, string withdrawnBy, string reason, CancellationToken cancellationToken) =>
        WithPlanLockedAsync(planId, ForUpdate, WithdrawalOutcome.PlanNotFound, async (connection, transaction, plan) =>
        {
            if (!plan.Approved)
            {
                return WithdrawalOutcome.NotApproved;
            }
            if (plan.RunActive)
            {
                return WithdrawalOutcome.RunActive;
            }
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE backfill.plan_approvals SET withdrawn_at = now(), withdrawn_by = @withdrawnBy, withdraw_reason = @reason
                WHERE plan_id = @planId AND withdrawn_at IS NULL
                """, new { planId, withdrawnBy, reason }, transaction, cancellationToken: cancellationToken));
            return WithdrawalOutcome.Withdrawn;
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="act"/> in one transaction that holds the plan row with <paramref name="lockClause"/>.
    /// The plan's state is read in a second statement after the lock: in READ COMMITTED its snapshot
    /// sees what the holder of a conflicting lock committed while we waited. A refusal wrote nothing,
    /// so committing it only releases the lock.
    /// </summary>
    private async Task<TOutcome> WithPlanLockedAsync<TOutcome>(Guid planId, string lockClause, TOutcome planNotFound,
        Func<NpgsqlConnection, NpgsqlTransaction, (bool HasRisks, bool Approved, bool RunActive), Task<TOutcome>> act,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                $"SELECT true FROM backfill.plans WHERE id = @planId {lockClause}", new { planId }, transaction,
                cancellationToken: cancellationToken)))
        {
            return planNotFound;
        }
        var plan = await connection.QuerySingleAsync<(bool HasRisks, bool Approved, bool RunActive)>(new CommandDefinition("""
            SELECT jsonb_array_length(p.risks) > 0,
                   EXISTS (SELECT 1 FROM backfill.plan_approvals_in_force a WHERE a.plan_id = p.id),
                   EXISTS (SELECT 1 FROM backfill.runs r WHERE r.active AND r.plan_id = p.id)
            FROM backfill.plans p WHERE p.id = @planId
            """, new { planId }, transaction, cancellationToken: cancellationToken));
        var outcome = await act(connection, transaction, plan);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }
}
