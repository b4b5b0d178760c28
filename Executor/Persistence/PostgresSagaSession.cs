using System.Text.Json;
using AspireMigration.Executor.Outbox;
using MassTransit;
using Npgsql;

namespace AspireMigration.Executor.Persistence;

/// <summary>
/// One message's unit of work on the saga table: a connection and a transaction, committed only
/// after the state machine ran, so the state change, its version check and the messages it sends
/// (the transactional outbox) are atomic.
/// </summary>
/// <remarks>
/// The transaction is begun and ended in SQL, not through NpgsqlTransaction: BEGIN travels with the
/// load and COMMIT with the update, so the row lock, which every batch event of a run waits for, is
/// held for one round trip less.
/// </remarks>
public sealed class PostgresSagaSession<TSaga>(NpgsqlConnection connection, string table) : IAsyncDisposable
    where TSaga : class, IPersistedSaga
{
    private bool inTransaction;

    public static async Task<PostgresSagaSession<TSaga>> BeginAsync(
        NpgsqlDataSource dataSource, string table, CancellationToken cancellationToken) =>
        new(await dataSource.OpenConnectionAsync(cancellationToken), table);

    /// <summary>
    /// Loads and row-locks the instance, so concurrent messages for one run (batch events from
    /// several replicas) queue in PostgreSQL instead of failing their version check over and over.
    /// </summary>
    public async Task<TSaga?> LoadAsync(Guid correlationId, bool forUpdate, CancellationToken cancellationToken)
    {
        await using var batch = InTransaction(Command(
            $"SELECT state::text FROM {table} WHERE correlation_id = @correlationId{(forUpdate ? " FOR UPDATE" : "")}",
            new NpgsqlParameter("correlationId", correlationId)));
        var json = await batch.ExecuteScalarAsync(cancellationToken) as string;
        return json is null ? null : JsonSerializer.Deserialize<TSaga>(json, SagaJson.Options);
    }

    /// <summary>The messages this transition sends: stored with the state, relayed after the commit.</summary>
    public SagaOutbox Outbox { get; } = new();

    /// <summary>
    /// The message id of the operator's request this transaction handles, if it handles one: the commit deletes its record,
    /// and those of the same kind for the same run that it supersedes, whether the state machine acted on it or ignored it.
    /// </summary>
    public Guid? Answering { get; set; }

    /// <summary>Inserts a new instance and its outbox; another consumer having inserted it first is a concurrency conflict to
    /// retry.</summary>
    public async Task InsertAsync(TSaga saga, CancellationToken cancellationToken)
    {
        saga.Version = 1;
        await using var batch = InTransaction(Command($"""
            WITH written AS (
                INSERT INTO {table} (correlation_id, version, current_state, state)
                VALUES (@CorrelationId, @Version, @CurrentState, @State::jsonb)
                ON CONFLICT (correlation_id) DO NOTHING
                RETURNING 1
            ){OutboxSql}
            """, [.. Parameters(saga), .. OutboxParameters()]));
        if (Convert.ToInt64(await batch.ExecuteScalarAsync(cancellationToken)) == 0)
        {
            throw new ConcurrencyException($"Saga {saga.CorrelationId} was inserted concurrently", typeof(TSaga), saga.CorrelationId);
        }
    }

    /// <summary>
    /// Writes the instance and its outbox only if nobody else moved its version on, and commits with them:
    /// the update is the last thing the state machine asks for. 0 rows means a lost race, retried by the endpoint.
    /// </summary>
    public async Task UpdateAsync(TSaga saga, CancellationToken cancellationToken)
    {
        var expected = saga.Version;
        saga.Version = expected + 1;
        await using var batch = InTransaction(Command($"""
            WITH written AS (
                UPDATE {table} SET version = @Version, current_state = @CurrentState, state = @State::jsonb, updated_at = now()
                WHERE correlation_id = @CorrelationId AND version = @expected
                RETURNING 1
            ){OutboxSql}
            """, [.. Parameters(saga), new NpgsqlParameter("expected", expected), .. OutboxParameters()]));
        AddCommit(batch);
        var written = Convert.ToInt64(await batch.ExecuteScalarAsync(cancellationToken));
        inTransaction = false;
        if (written == 0)
        {
            throw new ConcurrencyException(
                $"Saga {saga.CorrelationId} version {expected} was changed concurrently", typeof(TSaga), saga.CorrelationId);
        }
    }

    public async Task DeleteAsync(TSaga saga, CancellationToken cancellationToken)
    {
        await using var batch = InTransaction(Command($"DELETE FROM {table} WHERE correlation_id = @CorrelationId",
            new NpgsqlParameter("CorrelationId", saga.CorrelationId)));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Commits what the update has not committed already (an insert, a delete, a lock taken for an ignored event).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (!inTransaction)
        {
            return;
        }
        await using var batch = new NpgsqlBatch(connection);
        AddCommit(batch);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        inTransaction = false;
    }

    public async ValueTask DisposeAsync()
    {
        // A failed message: nothing it wrote may stay. A broken connection has no transaction left to
        // end, and its error, not this one, is what the retry must see.
        try
        {
            await RollbackAsync();
        }
        catch (NpgsqlException)
        {
        }
        await connection.DisposeAsync();
    }

    private async Task RollbackAsync()
    {
        if (!inTransaction)
        {
            return;
        }
        await using var end = new NpgsqlCommand("ROLLBACK", connection);
        await end.ExecuteNonQueryAsync(CancellationToken.None);
        inTransaction = false;
    }

    /// <summary>Ends the batch with the request's answer, when there is one, and the commit.</summary>
    private void AddCommit(NpgsqlBatch batch)
    {
        if (Answering is { } requestId)
        {
            batch.BatchCommands.Add(Command("""
                DELETE FROM backfill.run_requests q USING backfill.run_requests answered
                WHERE answered.message_id = @requestId AND q.run_id = answered.run_id AND q.message_type = answered.message_type
                  AND q.requested_at <= answered.requested_at
                """, new NpgsqlParameter("requestId", requestId)));
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
    }

    /// <summary>The statement in a batch that opens the transaction first when none is open yet.</summary>
    private NpgsqlBatch InTransaction(NpgsqlBatchCommand command)
    {
        var batch = new NpgsqlBatch(connection);
        if (!inTransaction)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL READ COMMITTED"));
            inTransaction = true;
        }
        batch.BatchCommands.Add(command);
        return batch;
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    // Follows the WITH written AS (…) of an insert or update: the outbox rows exist only if the state was written.
    private const string OutboxSql = """
        , outbox AS (
            INSERT INTO backfill.saga_outbox (correlation_id, message_id, message_type, body, trace_parent)
            SELECT @CorrelationId, u.message_id, u.message_type, u.body::jsonb, u.trace_parent
            FROM unnest(@MessageIds, @MessageTypes, @Bodies, @TraceParents) AS u(message_id, message_type, body, trace_parent)
            WHERE EXISTS (SELECT 1 FROM written)
        )
        SELECT count(*) FROM written
        """;

    private NpgsqlParameter[] OutboxParameters() =>
    [
        new("MessageIds", Outbox.Messages.Select(m => m.MessageId).ToArray()),
        new("MessageTypes", Outbox.Messages.Select(m => OutboxMessageTypes.NameOf(m.Message.GetType())).ToArray()),
        new("Bodies", Outbox.Messages.Select(m => JsonSerializer.Serialize(m.Message, m.Message.GetType(), SagaJson.Options)).ToArray()),
        new("TraceParents", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = Outbox.Messages.Select(
            m => m.TraceParent).ToArray() },
    ];

    private static NpgsqlParameter[] Parameters(TSaga saga) =>
    [
        new("CorrelationId", saga.CorrelationId),
        new("Version", saga.Version),
        new("CurrentState", saga.CurrentState),
        new("State", JsonSerializer.Serialize(saga, SagaJson.Options)),
    ];
}
