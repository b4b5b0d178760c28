using System.Diagnostics;
using System.Text.Json;
using AspireMigration.Executor.Persistence;
using AspireMigration.Executor.Telemetry;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AspireMigration.Executor.Outbox;

/// <summary>
/// Publishes what sagas committed to backfill.saga_outbox, then deletes it, in one transaction per
/// round: a relay that dies mid-way leaves its rows for the next one (this process restarted, or any
/// other replica: SKIP LOCKED lets several relay side by side without sending a row twice while alive).
/// It wakes on every commit and polls besides, which is how rows of a dead process get sent.
/// </summary>
public sealed class OutboxRelay(NpgsqlDataSource dataSource, IBus bus, OutboxSignal signal, IOptions<ExecutorOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private const int RoundSize = 100;

    private const string ClaimSql = """
        SELECT id AS Id, message_id AS MessageId, message_type AS MessageType, body::text AS Body, trace_parent AS TraceParent
        FROM backfill.saga_outbox
        ORDER BY id LIMIT @RoundSize FOR UPDATE SKIP LOCKED
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RelayRoundAsync(stoppingToken) == RoundSize)
                {
                }
                await signal.WaitAsync(options.Value.OutboxPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database or the broker is away: the rows stay, the next round sends them.
                logger.LogWarning(e, "Relaying the saga outbox failed; retrying");
                await Task.Delay(options.Value.OutboxPollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Sends up to one round of rows; returns how many it sent.</summary>
    public async Task<int> RelayRoundAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(
            new CommandDefinition(ClaimSql, new { RoundSize }, transaction, cancellationToken: cancellationToken))).AsList();
        if (rows.Count == 0)
        {
            return 0;
        }
        foreach (var row in rows)
        {
            await PublishAsync(row, cancellationToken);
        }
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM backfill.saga_outbox WHERE id = ANY(@ids)",
            new { ids = rows.Select(r => r.Id).ToArray() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private async Task PublishAsync(Row row, CancellationToken cancellationToken)
    {
        var type = OutboxMessageTypes.Resolve(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Body, type, SagaJson.Options)!;
        // The publish continues the trace of the transition that sent it.
        using var activity = row.TraceParent is not null && ActivityContext.TryParse(row.TraceParent, null, out var parent)
            ? ExecutorTelemetry.ActivitySource.StartActivity("outbox.relay", ActivityKind.Internal, parent)
            : null;
        activity?.SetTag("messaging.message.type", type.Name);
        await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => context.MessageId = row.MessageId), cancellationToken);
    }

    private sealed record Row(long Id, Guid MessageId, string MessageType, string Body, string? TraceParent);
}
