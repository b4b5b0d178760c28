using System.Text.Json;
using AspireMigration.Executor.Persistence;
using AspireMigration.Shared.Contracts.Runs;
using Dapper;
using MassTransit;
using Npgsql;

namespace AspireMigration.Executor.Recovery;

/// <summary>
/// The runs the API accepted, kept until their saga holds them (backfill.run_requests): the only message of a run that no
/// saga state remembers is its StartRun, so this is what lets the reconciler start a run whose StartRun the broker lost.
/// </summary>
public sealed class StartRequests(NpgsqlDataSource dataSource, IPublishEndpoint bus, ILogger<StartRequests> logger)
{
    // Unanswered: no saga holds the run after the stall timeout, and the reconciler did not send it again within it.
    private static readonly string UnansweredSql = $"""
        SELECT q.message_id AS MessageId, q.request::text AS Request
        FROM backfill.run_requests q
        WHERE q.requested_at < now() - @StallTimeout
          AND NOT EXISTS (SELECT 1 FROM backfill.run_sagas s WHERE s.correlation_id = q.run_id)
          AND {StalledRunReconciler.NotSentAgainWithinStallTimeout("q.run_id")}
        """;

    /// <summary>
    /// Records the request, then publishes it: a request the API failed to record is never published, and one it recorded
    /// is accepted, even if the broker refuses it now (the reconciler sends it once it is back).
    /// </summary>
    public async Task SubmitAsync(StartRun start, CancellationToken cancellationToken)
    {
        var messageId = NewId.NextGuid();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO backfill.run_requests (run_id, message_id, request) VALUES (@RunId, @messageId, @request::jsonb)
                """, new { start.RunId, messageId, request = JsonSerializer.Serialize(start, SagaJson.Options) },
                cancellationToken: cancellationToken));
        }
        try
        {
            await bus.Publish(start, context => context.MessageId = messageId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Run {RunId} is accepted but its StartRun could not be published now; the reconciler sends it again",
                start.RunId);
        }
    }

    /// <summary>Forgets the requests whose run the saga holds, and returns those it has not taken up, with their message ids.</summary>
    public static async Task<IReadOnlyList<(Guid MessageId, StartRun Start)>> UnansweredAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, TimeSpan stallTimeout, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM backfill.run_requests q USING backfill.run_sagas s WHERE s.correlation_id = q.run_id
            """, transaction: transaction, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<(Guid MessageId, string Request)>(new CommandDefinition(
            UnansweredSql, new { StallTimeout = stallTimeout }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(row => (row.MessageId, JsonSerializer.Deserialize<StartRun>(row.Request, SagaJson.Options)!))];
    }
}
