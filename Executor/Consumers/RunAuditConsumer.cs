using System.Text.Json;
using AspireMigration.Executor.Saga;
using AspireMigration.Executor.Telemetry;
using AspireMigration.Shared.Contracts.Runs;
using Dapper;
using MassTransit;
using Npgsql;

namespace AspireMigration.Executor.Consumers;

/// <summary>
/// Writes the append-only audit trail from the bus itself: every command (whoever sent it: API,
/// dashboard), every transition and every batch. The message id makes a redelivery record once.
/// </summary>
public sealed class RunAuditConsumer(NpgsqlDataSource dataSource, ExecutorMetrics metrics) :
    IConsumer<StartRun>, IConsumer<PauseRun>, IConsumer<ResumeRun>, IConsumer<CancelRun>, IConsumer<RollbackRun>,
    IConsumer<RunStateChanged>, IConsumer<RunRejected>, IConsumer<RollbackRefused>, IConsumer<BatchCompleted>, IConsumer<Fault<MigrateBatch>>
{
    public const string BatchCompletedAction = "batch_completed";

    /// <summary>A batch the ledger already held: its work was done before, by this or another delivery.</summary>
    public const string BatchRedeliveredAction = "batch_redelivered";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public Task Consume(ConsumeContext<StartRun> context) => RecordAsync(context, context.Message.RunId, context.Message.RequestedBy, "start_requested");

    public Task Consume(ConsumeContext<PauseRun> context) => RecordAsync(context, context.Message.RunId, context.Message.RequestedBy, "pause_requested");

    public Task Consume(ConsumeContext<ResumeRun> context) => RecordAsync(context, context.Message.RunId, context.Message.RequestedBy, "resume_requested");

    public Task Consume(ConsumeContext<CancelRun> context) => RecordAsync(context, context.Message.RunId, context.Message.RequestedBy, "cancel_requested");

    public Task Consume(ConsumeContext<RollbackRun> context) => RecordAsync(context, context.Message.RunId, context.Message.RequestedBy, "rollback_requested");

    public Task Consume(ConsumeContext<RunStateChanged> context) =>
        RecordAsync(context, context.Message.RunId, MigrationRunStateMachine.SystemActor, "state_" + context.Message.State);

    public Task Consume(ConsumeContext<RunRejected> context) => RecordAsync(context, context.Message.RunId, MigrationRunStateMachine.SystemActor, "run_rejected");

    public Task Consume(ConsumeContext<RollbackRefused> context) =>
        RecordAsync(context, context.Message.RunId, MigrationRunStateMachine.SystemActor, "rollback_refused");

    public Task Consume(ConsumeContext<BatchCompleted> context) =>
        RecordAsync(context, context.Message.RunId, context.Message.ProcessedBy, context.Message.Redelivered ? BatchRedeliveredAction : BatchCompletedAction);

    public async Task Consume(ConsumeContext<Fault<MigrateBatch>> context)
    {
        var batch = context.Message.Message;
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var sessions = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM backfill.run_items WHERE run_id = @RunId AND batch_number = @BatchNumber", batch, cancellationToken: context.CancellationToken));
        metrics.SessionsFailed.Add(sessions);
        await RecordAsync(context, batch.RunId, MigrationRunStateMachine.SystemActor, "batch_failed");
    }

    private async Task RecordAsync<T>(ConsumeContext<T> context, Guid runId, string actor, string action)
        where T : class
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO backfill.run_audit_events (run_id, message_id, occurred_at, actor, action, details)
            VALUES (@runId, @messageId, @occurredAt, @actor, @action, @details::jsonb)
            ON CONFLICT (message_id) DO NOTHING
            """, new
        {
            runId,
            messageId = context.MessageId,
            occurredAt = context.SentTime ?? DateTime.UtcNow,
            actor,
            action,
            details = JsonSerializer.Serialize(context.Message, JsonOptions),
        }, cancellationToken: context.CancellationToken));
    }
}
