using Dapper;
using Npgsql;

namespace AspireMigration.Executor.Tests;

/// <summary>Holds a row lock on one session, so the batch that contains it blocks until released.</summary>
public sealed class SessionLock : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private SessionLock(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        (this.connection, this.transaction) = (connection, transaction);

    public static async Task<SessionLock> TakeAsync(Scenario scenario, Guid sessionId)
    {
        var connection = await scenario.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM sessions WHERE id = $1 FOR UPDATE", connection, transaction)
        {
            Parameters = { new() { Value = sessionId } },
        };
        await command.ExecuteNonQueryAsync();
        return new SessionLock(connection, transaction);
    }

    public Task ReleaseAsync() => transaction.RollbackAsync();

    /// <summary>Writes in the lock's transaction and commits: the application got to the row first.</summary>
    public async Task CommitAfterAsync(string sql, object? parameters = null)
    {
        await connection.ExecuteAsync(sql, parameters, transaction);
        await transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
