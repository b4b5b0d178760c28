using System.Text.Json;
using AspireMigration.Executor.Persistence;
using AspireMigration.Executor.Saga;
using AspireMigration.Executor.Telemetry;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Domain;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AspireMigration.Executor.Recovery;

/// <summary>
/// Finds runs that stopped moving and sends again what their state waits for (<see cref="RunCommands.AwaitedBy"/>):
/// every batch the saga handed out but never saw complete, or the pending step's command, or the release of a
/// failed run's claim, or an operator's request (a start, a command) no saga handled (<see cref="RunRequests"/>). This
/// is what finishes a run whose messages the broker lost (a purged queue, a broker restarted without its data); the
/// outbox covers a process that died after its commit. Every step is idempotent, so sending a command that was only
/// slow, not lost, does its work once.
/// </summary>
public sealed class StalledRunReconciler(NpgsqlDataSource dataSource, IBus bus, IOptions<ExecutorOptions> options, ExecutorMetrics metrics,
    ILogger<StalledRunReconciler> logger) : PeriodicPass(logger)
{
    // One replica reconciles at a time: "reconcil" in ASCII.
    private const long ReconcileLockKey = 0x7265636F6E63696C;

    // No progress means: the saga did not move, no batch was claimed and nothing was sent again within the
    // stall timeout, and no committed message of the saga waits in the outbox (the relay will send it).
    private static readonly string StalledSql = $"""
        SELECT s.state::text
        FROM backfill.run_sagas s
        LEFT JOIN backfill.runs r ON r.run_id = s.correlation_id
        WHERE s.updated_at < now() - @StallTimeout
          AND (s.current_state = ANY(@InProgress) OR (s.current_state = ANY(@Released) AND r.active))
          AND NOT EXISTS (SELECT 1 FROM backfill.run_batches b WHERE b.run_id = s.correlation_id AND b.processed_at > now() - @StallTimeout)
          AND {NotSentAgainWithinStallTimeout("s.correlation_id")}
          AND NOT EXISTS (SELECT 1 FROM backfill.saga_outbox o WHERE o.correlation_id = s.correlation_id)
        """;

    /// <summary>
    /// The reconciler's own clock, read off its audit entries: the run (<paramref name="runId"/>, a column) was not sent to
    /// again within <c>@StallTimeout</c>.
    /// </summary>
    internal static string NotSentAgainWithinStallTimeout(string runId) => $"""
        NOT EXISTS (SELECT 1 FROM backfill.run_audit_events e
                    WHERE e.run_id = {runId} AND e.action = '{RunAuditActions.Redispatched}' AND e.occurred_at > now() - @StallTimeout)
        """;

    protected override TimeSpan Interval => options.Value.ReconcileInterval;

    protected override string LookingFor => "stalled runs";

    protected override Task PassAsync(CancellationToken cancellationToken) => ReconcileAsync(cancellationToken);

    /// <summary>One pass: returns the runs it sent commands for.</summary>
    public async Task<IReadOnlyList<Guid>> ReconcileAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_xact_lock(@ReconcileLockKey)",
                new { ReconcileLockKey }, transaction, cancellationToken: cancellationToken)))
        {
            return [];
        }
        var stalled = (await connection.QueryAsync<string>(new CommandDefinition(StalledSql,
                new { options.Value.StallTimeout, InProgress = RunStates.InProgress, Released = RunStates.Released }, transaction,
                cancellationToken: cancellationToken)))
            .Select(json => JsonSerializer.Deserialize<MigrationRunState>(json, SagaJson.Options)!)
            .ToList();
        foreach (var run in stalled)
        {
            var commands = RunCommands.AwaitedBy(run);
            foreach (var command in commands)
            {
                await bus.Publish(command, command.GetType(), cancellationToken);
            }
            await AuditAsync(connection, transaction, run.CorrelationId, run.CurrentState, commands, cancellationToken);
        }
        // A lost request leaves no trace in any saga state (a run whose StartRun was lost has no saga at all): only the
        // API's record of it remembers it.
        var unanswered = await RunRequests.UnansweredAsync(connection, transaction, options.Value.StallTimeout, cancellationToken);
        foreach (var (messageId, request, state, last) in unanswered)
        {
            await bus.Publish(request, request.GetType(), Pipe.Execute<PublishContext>(context => context.MessageId = messageId),
                cancellationToken);
            await AuditAsync(connection, transaction, request.RunId, state, [request], cancellationToken);
            if (last)
            {
                logger.LogError("Run {RunId}: {Request} {MessageId} was sent {Times} times and never handled; it is not sent again",
                    request.RunId, request.GetType().Name, messageId, RunRequests.MaxRedispatches + 1);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return [.. stalled.Select(r => r.CorrelationId), .. unanswered.Select(u => u.Request.RunId)];
    }

    private async Task AuditAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid runId, string state,
        IReadOnlyList<object> commands, CancellationToken cancellationToken)
    {
        // The audit entry is also the reconciler's own clock: the run is not sent to again within the timeout.
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO backfill.run_audit_events (run_id, actor, action, details)
            VALUES (@runId, @actor, @action, @details::jsonb)
            """, new
        {
            runId,
            actor = MigrationRunStateMachine.SystemActor,
            action = RunAuditActions.Redispatched,
            details = JsonSerializer.Serialize(new { CurrentState = state, Commands = commands.Select(Describe) }, SagaJson.Options),
        }, transaction, cancellationToken: cancellationToken));
        metrics.Redispatched.Add(commands.Count);
        logger.LogWarning("Run {RunId} made no progress for {StallTimeout} while {State}; sent again: {Commands}",
            runId, options.Value.StallTimeout, state, string.Join(", ", commands.Select(Describe)));
    }

    private static string Describe(object command) => command is MigrateBatch batch ? $"MigrateBatch {batch.BatchNumber}"
        : command.GetType().Name;
}
