using System.Text.Json;
using Dapper;
using MassTransit;
using Npgsql;

namespace AspireMigration.Executor.Persistence;

/// <summary>
/// One message's unit of work on the saga table: a connection and a transaction, committed only
/// after the state machine ran, so the state change and its version check are atomic.
/// </summary>
public sealed class PostgresSagaSession<TSaga>(NpgsqlConnection connection, NpgsqlTransaction transaction, string table) : IAsyncDisposable
    where TSaga : class, IPersistedSaga
{
    public static async Task<PostgresSagaSession<TSaga>> BeginAsync(NpgsqlDataSource dataSource, string table, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
            return new PostgresSagaSession<TSaga>(connection, transaction, table);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Loads and row-locks the instance, so concurrent messages for one run (batch events from
    /// several replicas) queue in PostgreSQL instead of failing their version check over and over.
    /// </summary>
    public async Task<TSaga?> LoadAsync(Guid correlationId, bool forUpdate, CancellationToken cancellationToken)
    {
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            $"SELECT state::text FROM {table} WHERE correlation_id = @correlationId{(forUpdate ? " FOR UPDATE" : "")}",
            new { correlationId }, transaction, cancellationToken: cancellationToken));
        return json is null ? null : JsonSerializer.Deserialize<TSaga>(json, SagaJson.Options);
    }

    /// <summary>Inserts a new instance; another consumer having inserted it first is a concurrency conflict to retry.</summary>
    public async Task InsertAsync(TSaga saga, CancellationToken cancellationToken)
    {
        saga.Version = 1;
        var inserted = await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO {table} (correlation_id, version, current_state, state)
            VALUES (@CorrelationId, @Version, @CurrentState, @State::jsonb)
            ON CONFLICT (correlation_id) DO NOTHING
            """, Parameters(saga), transaction, cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            throw new ConcurrencyException($"Saga {saga.CorrelationId} was inserted concurrently", typeof(TSaga), saga.CorrelationId);
        }
    }

    /// <summary>Writes the instance only if nobody else moved its version on; 0 rows means a lost race, retried by the endpoint.</summary>
    public async Task UpdateAsync(TSaga saga, CancellationToken cancellationToken)
    {
        var expected = saga.Version;
        saga.Version = expected + 1;
        var updated = await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE {table} SET version = @Version, current_state = @CurrentState, state = @State::jsonb, updated_at = now()
            WHERE correlation_id = @CorrelationId AND version = @expected
            """, Parameters(saga, expected), transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            throw new ConcurrencyException($"Saga {saga.CorrelationId} version {expected} was changed concurrently", typeof(TSaga), saga.CorrelationId);
        }
    }

    public Task DeleteAsync(TSaga saga, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {table} WHERE correlation_id = @CorrelationId",
            new { saga.CorrelationId }, transaction, cancellationToken: cancellationToken));

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private static DynamicParameters Parameters(TSaga saga, int? expected = null)
    {
        var parameters = new DynamicParameters(new
        {
            saga.CorrelationId,
            saga.Version,
            saga.CurrentState,
            State = JsonSerializer.Serialize(saga, SagaJson.Options),
        });
        parameters.Add("expected", expected);
        return parameters;
    }
}
