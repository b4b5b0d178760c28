using System.Text.Json;
using AspireMigration.Executor.Outbox;
using AspireMigration.Executor.Persistence;
using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Api.Runs;
using AspireMigration.Shared.Contracts.Runs;
using Dapper;
using MassTransit;
using Npgsql;

namespace AspireMigration.Executor.Api;

/// <summary>The read side of the API: saga instances through the saga repository, the rest with plain SQL.</summary>
public sealed class RunQueries(NpgsqlDataSource dataSource, ILoadSagaRepository<MigrationRunState> sagas, TimeProvider clock)
{
    /// <summary>How long a start waits for its saga instance; past it, the 202 stands and the run shows up a little later.</summary>
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(10);

    /// <summary>The run as its saga holds it, or, before the saga takes it up, as the API recorded its start (Pending).</summary>
    public async Task<MigrationRunState?> FindAsync(Guid runId) =>
        await sagas.Load(runId) ?? (await PendingAsync(runId, CancellationToken.None)).SingleOrDefault();

    /// <summary>The run as the API shows it, its time throttled counted up to now.</summary>
    public RunView View(MigrationRunState run) => run.ToView(clock);

    public async Task<bool> PlanExistsAsync(Guid planId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM backfill.plans WHERE id = @planId)", new { planId }, cancellationToken: cancellationToken));
    }

    /// <summary>Polls until the saga repository holds the run; the saga creates it as it consumes StartRun, within milliseconds.</summary>
    public async Task WaitUntilKnownAsync(Guid runId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartWait);
        try
        {
            while (await sagas.Load(runId) is null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The bus is slow: the run is queued and its request recorded all the same (a StartRun the broker lost is sent
            // again by the reconciler), so the 202 stays true.
        }
    }

    public async Task<IReadOnlyList<RunView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var states = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT state::text FROM backfill.run_sagas ORDER BY created_at DESC LIMIT 500", cancellationToken: cancellationToken));
        var pending = await PendingAsync(null, cancellationToken);
        return [.. pending.Concat(states.Select(s => JsonSerializer.Deserialize<MigrationRunState>(s, SagaJson.Options)!))
            .Select(run => run.ToView(clock)).OrderByDescending(run => run.CreatedAt).Take(500)];
    }

    /// <summary>
    /// Starts the API recorded that no saga holds yet (all, or <paramref name="runId"/>'s), as runs in <see cref="RunStates.Pending"/>:
    /// a 202's Location answers from the moment the start is recorded, whatever became of its StartRun.
    /// </summary>
    private async Task<IReadOnlyList<MigrationRunState>> PendingAsync(Guid? runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Request, DateTime RequestedAt)>(new CommandDefinition("""
            SELECT q.request::text, q.requested_at FROM backfill.run_requests q
            WHERE q.message_type = @messageType AND (@runId::uuid IS NULL OR q.run_id = @runId)
              AND NOT EXISTS (SELECT 1 FROM backfill.run_sagas s WHERE s.correlation_id = q.run_id)
            """, new { messageType = OutboxMessageTypes.NameOf(typeof(StartRun)), runId }, cancellationToken: cancellationToken));
        return [.. rows.Select(row =>
        {
            var start = JsonSerializer.Deserialize<StartRun>(row.Request, SagaJson.Options)!;
            var at = new DateTimeOffset(DateTime.SpecifyKind(row.RequestedAt, DateTimeKind.Utc));
            var run = new MigrationRunState
            {
                CorrelationId = start.RunId, CurrentState = RunStates.Pending, CreatedAt = at, UpdatedAt = at,
            };
            run.Accept(start);
            return run;
        })];
    }

    public async Task<IReadOnlyList<BatchView>> BatchesAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<BatchView>(new CommandDefinition("""
            SELECT batch_number AS BatchNumber, migrated AS Migrated, skipped_changed AS SkippedChanged, duration_ms AS DurationMs,
                   processed_by AS ProcessedBy, processed_at AS ProcessedAt
            FROM backfill.run_batches WHERE run_id = @runId ORDER BY batch_number
            """, new { runId }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<IReadOnlyList<AuditEventView>> AuditAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AuditEventView>(new CommandDefinition("""
            SELECT id AS Id, occurred_at AS OccurredAt, actor AS Actor, action AS Action, details::text AS Details
            FROM backfill.run_audit_events WHERE run_id = @runId ORDER BY occurred_at, id
            """, new { runId }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>The report's outcome counts and a stream of its sessions, in one snapshot; dispose it once written.</summary>
    public Task<RunReportSnapshot> OpenReportAsync(Guid runId, CancellationToken cancellationToken) =>
        RunReportSnapshot.OpenAsync(dataSource, runId, cancellationToken);

    public async Task<IReadOnlyList<BackupView>> BackupsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<BackupView>(new CommandDefinition("""
            SELECT b.run_id AS RunId, b.table_name AS TableName, b.row_count AS RowCount, b.created_at AS CreatedAt,
                   b.dropped_at AS DroppedAt, b.dropped_by AS DroppedBy, s.current_state AS RunState, r.finished_at AS RunFinishedAt
            FROM backfill.run_backups b
            LEFT JOIN backfill.run_sagas s ON s.correlation_id = b.run_id
            LEFT JOIN backfill.runs r ON r.run_id = b.run_id
            ORDER BY b.created_at DESC
            """, cancellationToken: cancellationToken))).ToList();
    }
}
