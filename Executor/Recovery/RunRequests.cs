using System.Text.Json;
using AspireMigration.Executor.Outbox;
using AspireMigration.Executor.Persistence;
using AspireMigration.Shared.Contracts.Runs;
using Dapper;
using MassTransit;
using Npgsql;

namespace AspireMigration.Executor.Recovery;

/// <summary>
/// What operators asked of runs and the saga has not handled yet (backfill.run_requests): a run's start, which no saga state
/// remembers before the saga holds it, and every command after it, which the saga's state would not tell from one never
/// sent. The saga's transaction that handles a request deletes it (<see cref="PostgresSagaSession{TSaga}.Answering"/>), so
/// what is left after the stall timeout was lost on its way, and the reconciler sends it again.
/// </summary>
public sealed class RunRequests(NpgsqlDataSource dataSource, IPublishEndpoint bus, ILogger<RunRequests> logger)
{
    /// <summary>Sends of a request after its first: one the saga fails on every time is not sent for ever.</summary>
    public const int MaxRedispatches = 10;

    // What the audit and the log call the state of a run the API accepted but no saga holds yet.
    private const string RequestedState = "Requested";

    // Unanswered: still here after the stall timeout, and its run not sent to again within it (the reconciler's clock).
    private static readonly string UnansweredSql = $"""
        UPDATE backfill.run_requests q SET redispatches = q.redispatches + 1
        WHERE q.requested_at < now() - @StallTimeout AND q.redispatches < {MaxRedispatches}
          AND {StalledRunReconciler.NotSentAgainWithinStallTimeout("q.run_id")}
        RETURNING q.message_id AS MessageId, q.message_type AS MessageType, q.request::text AS Request,
                  q.redispatches AS Redispatches,
                  coalesce((SELECT s.current_state FROM backfill.run_sagas s WHERE s.correlation_id = q.run_id), '{RequestedState}')
                      AS State
        """;

    /// <summary>
    /// Records the request, then publishes it: a request the API failed to record is never published, and one it recorded
    /// is accepted, even if the broker refuses it now (the reconciler sends it once it is back). Returns whether the broker
    /// took it.
    /// </summary>
    public async Task<bool> SubmitAsync<T>(T request, CancellationToken cancellationToken)
        where T : class, IRunRequest
    {
        var messageId = NewId.NextGuid();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO backfill.run_requests ({Columns}) VALUES ({Values})", Record(request, messageId),
                cancellationToken: cancellationToken));
        }
        return await PublishAsync(request, messageId, cancellationToken);
    }

    /// <summary>
    /// Submits a start, once per idempotency key of its requester: under a key that started a run already, nothing is
    /// recorded or published, and that run comes back, with whether it was asked for with the same settings.
    /// </summary>
    public async Task<StartOutcome> StartAsync(StartRun start, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is null)
        {
            return new StartOutcome(start.RunId, SameRequest: true, Sent: await SubmitAsync(start, cancellationToken));
        }
        var messageId = NewId.NextGuid();
        var key = new
        {
            start.RequestedBy,
            idempotencyKey,
            settings = JsonSerializer.Serialize(start with { RunId = Guid.Empty }, SagaJson.Options),
        };
        var parameters = Record(start, messageId);
        parameters.AddDynamicParams(key);
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            // The key and the request are one statement: a key is never taken by a start that was not recorded. A second
            // start under the key waits on the first's insert, then finds it.
            var recorded = await connection.ExecuteAsync(new CommandDefinition($"""
                WITH taken AS (
                    INSERT INTO backfill.run_start_keys (requested_by, idempotency_key, run_id, request)
                    VALUES (@RequestedBy, @idempotencyKey, @RunId, @settings::jsonb)
                    ON CONFLICT DO NOTHING
                    RETURNING 1)
                INSERT INTO backfill.run_requests ({Columns}) SELECT {Values} WHERE EXISTS (SELECT 1 FROM taken)
                """, parameters, cancellationToken: cancellationToken));
            if (recorded == 0)
            {
                var (runId, same) = await connection.QuerySingleAsync<(Guid, bool)>(new CommandDefinition("""
                    SELECT run_id, request = @settings::jsonb FROM backfill.run_start_keys
                    WHERE requested_by = @RequestedBy AND idempotency_key = @idempotencyKey
                    """, key, cancellationToken: cancellationToken));
                return new StartOutcome(runId, same, Sent: true);
            }
        }
        return new StartOutcome(start.RunId, SameRequest: true, Sent: await PublishAsync(start, messageId, cancellationToken));
    }

    private const string Columns = "run_id, message_id, message_type, request";

    private const string Values = "@RunId, @messageId, @messageType, @body::jsonb";

    private static DynamicParameters Record<T>(T request, Guid messageId)
        where T : class, IRunRequest =>
        new(new
        {
            request.RunId,
            messageId,
            messageType = OutboxMessageTypes.NameOf(typeof(T)),
            body = JsonSerializer.Serialize(request, SagaJson.Options),
        });

    private async Task<bool> PublishAsync<T>(T request, Guid messageId, CancellationToken cancellationToken)
        where T : class, IRunRequest
    {
        try
        {
            await bus.Publish(request, context => context.MessageId = messageId, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Run {RunId}: the {Request} is accepted but could not be published now; the reconciler sends it again",
                request.RunId, typeof(T).Name);
            return false;
        }
    }

    /// <summary>
    /// The requests no saga transaction handled within the stall timeout, counted as sent again, with their message ids and
    /// the state of their run when they were found.
    /// </summary>
    public static async Task<IReadOnlyList<UnansweredRequest>> UnansweredAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, TimeSpan stallTimeout, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(Guid MessageId, string MessageType, string Request, int Redispatches, string State)>(
            new CommandDefinition(UnansweredSql, new { StallTimeout = stallTimeout }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(row =>
        {
            var type = OutboxMessageTypes.Resolve(row.MessageType);
            var request = (IRunRequest)JsonSerializer.Deserialize(row.Request, type, SagaJson.Options)!;
            return new UnansweredRequest(row.MessageId, request, row.State, row.Redispatches == MaxRedispatches);
        })];
    }
}
