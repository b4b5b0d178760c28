using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Domain;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AspireMigration.Executor.Steps;

/// <summary>
/// Checks the plan and the database, resolves the run's sessions from the plan and its decisions,
/// and claims the single active-run slot, all in one transaction: a failure leaves nothing behind.
/// </summary>
public sealed class PreFlightStep(NpgsqlDataSource dataSource, IOptions<ExecutorOptions> options, TimeProvider clock)
{
    // What PreFlightPassed reports of a run's items: included, skipped, and batches of the first batch's size (the saga decides each
    // batch's range when it dispatches it, so with adaptive pacing this is an estimate).
    private const string ItemFigures = "count(*) FILTER (WHERE included)::int, count(*) FILTER (WHERE NOT included)::int, " +
        "((count(*) FILTER (WHERE included) + @BatchSize - 1) / @BatchSize)::int";

    // Newest decision per session wins, of those the approval in force covers (an approved plan is
    // frozen; a decision written after it anyway is ignored). An approver's 'assign' resolves manual
    // review, except to the sentinel, which only the unassigned rule may target; 'exclude' skips,
    // 'include' keeps a tentative item even when low confidence is skipped.
    private const string ResolveItemsSql = $"""
        WITH decisions AS (
            SELECT DISTINCT ON (session_id) session_id, decision, target_project_id
            FROM backfill.plan_item_decisions
            WHERE plan_id = @PlanId
              AND id <= (SELECT decisions_through FROM backfill.plan_approvals_in_force WHERE plan_id = @PlanId)
            ORDER BY session_id, id DESC
        ), resolved AS (
            SELECT i.session_id, i.assignment_type,
                   CASE WHEN d.decision = 'assign' THEN d.target_project_id
                        WHEN i.assignment_type = 'unassigned' THEN COALESCE(i.target_project_id, @Sentinel)
                        ELSE i.target_project_id END AS target_project_id,
                   CASE WHEN d.decision = 'exclude' THEN 'excluded'
                        WHEN d.decision = 'assign' AND d.target_project_id = @Sentinel THEN 'sentinel_not_assignable'
                        WHEN d.decision = 'assign' THEN NULL
                        WHEN i.assignment_type = 'manual_review' THEN 'manual_review_unresolved'
                        WHEN i.assignment_type = 'tentative' AND @SkipLowConfidence AND d.decision IS DISTINCT FROM 'include'
                            THEN 'low_confidence'
                        WHEN i.target_project_id IS NULL AND i.assignment_type <> 'unassigned' THEN 'no_target'
                        END AS skip_reason
            FROM backfill.plan_items i
            LEFT JOIN decisions d ON d.session_id = i.session_id
            WHERE i.plan_id = @PlanId
        ), inserted AS (
            INSERT INTO backfill.run_items (run_id, session_id, assignment_type, target_project_id, included, skip_reason, ordinal,
                outcome)
            SELECT @RunId, session_id, assignment_type, target_project_id, skip_reason IS NULL, skip_reason,
                   CASE WHEN skip_reason IS NULL
                        THEN (row_number() OVER (PARTITION BY skip_reason IS NULL ORDER BY session_id))::int END,
                   CASE WHEN skip_reason IS NULL THEN '{ItemOutcomes.Pending}' ELSE '{ItemOutcomes.Skipped}' END
            FROM resolved
            RETURNING included
        )
        SELECT {ItemFigures} FROM inserted
        """;

    public async Task<PreFlightOutcome> RunAsync(PreFlightRun command, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A redelivered command finds its claim: pre-flight passed already.
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM backfill.runs WHERE run_id = @RunId)", command, cancellationToken: cancellationToken)))
        {
            return await PassedBeforeAsync(connection, command, cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var failure = await CheckPlanAsync(connection, transaction, command, cancellationToken);
        if (failure is not null)
        {
            return new PreFlightFailed(command.RunId, failure);
        }

        var (included, skipped, batches) = await connection.QuerySingleAsync<(int, int, int)>(new CommandDefinition(ResolveItemsSql,
            new { command.RunId, command.PlanId, command.SkipLowConfidence, command.BatchSize, Sentinel = SentinelProject.Id },
            transaction, commandTimeout: SetBasedStatement.TimeoutSeconds, cancellationToken: cancellationToken));
        await RunItemStatistics.RefreshAsync(connection, transaction, cancellationToken);

        // One pass over the items' targets answers both checks: missing projects come first (no name), by id.
        var targets = (await connection.QueryAsync<(Guid Id, string? Name, string? Status)>(new CommandDefinition("""
            SELECT t.target_project_id, p.name, p.status
            FROM (SELECT DISTINCT target_project_id FROM backfill.run_items WHERE run_id = @RunId AND included) t
            LEFT JOIN projects p ON p.id = t.target_project_id
            ORDER BY p.name NULLS FIRST, t.target_project_id
            """, command, transaction, commandTimeout: SetBasedStatement.TimeoutSeconds, cancellationToken: cancellationToken))).ToList();
        var missing = targets.Where(t => t.Name is null).Select(t => t.Id).ToList();
        if (missing.Count > 0)
        {
            return new PreFlightFailed(command.RunId,
                $"Target projects do not exist: {string.Join(", ", missing)}. Nothing was changed; " +
                "analyse again or reassign those sessions.");
        }
        var warnings = targets.Where(t => t.Status != "active").Select(t => $"Target project {t.Name} is {t.Status}").ToList();

        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO backfill.runs (run_id, plan_id, requested_by, dry_run) VALUES (@RunId, @PlanId, @RequestedBy, @DryRun)
                """, command, transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (RunPhase.IsTakenByAnotherRun(e))
        {
            await transaction.RollbackAsync(cancellationToken);
            var active = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
                "SELECT run_id FROM backfill.runs WHERE active", cancellationToken: cancellationToken));
            return new RunRejected(command.RunId, command.PlanId,
                $"Run {active} is already active on this database; only one run may execute at a time. Nothing was changed.");
        }

        await transaction.CommitAsync(cancellationToken);
        return new PreFlightPassed(command.RunId, included, skipped, batches, warnings);
    }

    private async Task<string?> CheckPlanAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PreFlightRun command, CancellationToken cancellationToken)
    {
        // Held until commit, like the Analyzer's decisions: a withdrawal (FOR UPDATE) waits for this
        // run's claim and then refuses; one that came first is seen by the next statement.
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT FROM backfill.plans WHERE id = @PlanId FOR SHARE", command, transaction, cancellationToken: cancellationToken));
        var plan = await connection.QuerySingleOrDefaultAsync<(DateTime CreatedAt, bool Approved, string? ApprovedBy)?>(
            new CommandDefinition("""
            SELECT p.created_at, a.plan_id IS NOT NULL, a.approved_by FROM backfill.plans p
            LEFT JOIN backfill.plan_approvals_in_force a ON a.plan_id = p.id
            WHERE p.id = @PlanId
            """, command, transaction, cancellationToken: cancellationToken));
        if (plan is null)
        {
            return $"Plan {command.PlanId} does not exist.";
        }
        if (!plan.Value.Approved)
        {
            return $"Plan {command.PlanId} is not approved; an approver must approve it before it runs.";
        }
        if (options.Value.FourEyes && string.Equals(plan.Value.ApprovedBy, command.RequestedBy, StringComparison.OrdinalIgnoreCase))
        {
            return $"Four-eyes rule: {command.RequestedBy} approved plan {command.PlanId}, so another operator must start its run.";
        }
        var age = clock.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(plan.Value.CreatedAt, DateTimeKind.Utc));
        if (age > options.Value.MaxPlanAge)
        {
            return $"Plan {command.PlanId} is {age.TotalDays:F1} days old, " +
                $"beyond the policy of {options.Value.MaxPlanAge.TotalDays:F1} days ({ExecutorOptions.Section}:MaxPlanAge); analyse again.";
        }
        // Checked by name first: otherwise a missing table surfaces as retries and a raw SQL error, or not until the backup.
        var missingTables = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT t FROM unnest(@TargetTables) WITH ORDINALITY AS u(t, n) WHERE to_regclass(t) IS NULL ORDER BY n",
            new { TargetTables = TargetTables.All }, transaction, cancellationToken: cancellationToken))).ToList();
        if (missingTables.Count > 0)
        {
            return $"The target tables {string.Join(", ", missingTables)} do not exist in this database; " +
                $"the Executor works on the target schema ({string.Join(", ", TargetTables.All)}). Nothing was changed.";
        }
        var sentinel = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM projects WHERE id = @Id)", new { SentinelProject.Id }, transaction,
            cancellationToken: cancellationToken));
        return sentinel ? null
            : $"The sentinel project '{SentinelProject.Name}' ({SentinelProject.Id}) does not exist; create it before running.";
    }

    /// <summary>A redelivered command's answer: the figures of the items it resolved the first time.</summary>
    private static async Task<PreFlightPassed> PassedBeforeAsync(
        NpgsqlConnection connection, PreFlightRun command, CancellationToken cancellationToken)
    {
        var (included, skipped, batches) = await connection.QuerySingleAsync<(int, int, int)>(new CommandDefinition(
            $"SELECT {ItemFigures} FROM backfill.run_items WHERE run_id = @RunId", command,
            commandTimeout: SetBasedStatement.TimeoutSeconds, cancellationToken: cancellationToken));
        return new PreFlightPassed(command.RunId, included, skipped, batches, []);
    }
}
