using System.Text.Json;
using AspireMigration.Executor.Saga;
using AspireMigration.Executor.Telemetry;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Domain;
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
    IConsumer<RetryRun>,
    IConsumer<RunStateChanged>, IConsumer<RunRejected>, IConsumer<RollbackRefused>, IConsumer<BatchCompleted>,
    IConsumer<Fault<MigrateBatch>>, IConsumer<ChangePacing>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public Task Consume(ConsumeContext<StartRun> context) =>
        RecordAsync(context, context.Message.RunId, context.Message.RequestedBy, RunAuditActions.StartRequested);

    public Task Consume(ConsumeContext<PauseRun> context) =>
        RecordAsync(context, context.Message.RunId, context.Message.RequestedBy, RunAuditActions.PauseRequested);

    public Task Consume(ConsumeContext<ResumeRun> context) =>
        RecordAsync(context, context.Message.RunId, context.Message.RequestedBy, RunAuditActions.ResumeRequested);

    public Task Consume(ConsumeContext<CancelRun> context) =>
        RecordAsync(context, context.Message.RunId, context.Message.RequestedBy, RunAuditActions.CancelRequested);

    public Task Consume(ConsumeContext<RollbackRun> context) =>
        RecordAsync(context, context.Message.RunId, context.Message.RequestedBy, RunAuditActions.RollbackRequested);

    public Task Consume(ConsumeContext<RetryRun> context) =>
        RecordAsync(context, context.Message.RunId, context.Message.RequestedBy, RunAuditActions.RetryRequested);

    public Task Consume(ConsumeContext<RunStateChanged> context) =>
        RecordAsync(context, context.Message.RunId, MigrationRunStateMachine.SystemActor, RunAuditActions.State(context.Message.State));

    public Task Consume(ConsumeContext<RunRejected> context) =>
        RecordAsync(context, context.Message.RunId, MigrationRunStateMachine.SystemActor, RunAuditActions.RunRejected);

    public Task Consume(ConsumeContext<RollbackRefused> context) =>
        RecordAsync(context, context.Message.RunId, MigrationRunStateMachine.SystemActor, RunAuditActions.RollbackRefused);

    public Task Consume(ConsumeContext<BatchCompleted> context) =>
        RecordAsync(context, context.Message.RunId, context.Message.ProcessedBy,
            context.Message.Redelivered ? RunAuditActions.BatchRedelivered : RunAuditActions.BatchCompleted);

    public Task Consume(ConsumeContext<ChangePacing> context) =>
        RecordAsync(context, context.Message.RunId, context.Message.RequestedBy, RunAuditActions.PacingChanged);

    public async Task Consume(ConsumeContext<Fault<MigrateBatch>> context)
    {
        var batch = context.Message.Message;
        metrics.SessionsFailed.Add(batch.Size);
        await RecordAsync(context, batch.RunId, MigrationRunStateMachine.SystemActor, RunAuditActions.BatchFailed);
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
