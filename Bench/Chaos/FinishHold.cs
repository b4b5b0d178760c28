using Dapper;
using Npgsql;

namespace AspireMigration.Bench.Chaos;

/// <summary>
/// A share lock on the run's claim row, taken while kills are still due. Batches take the same share lock and go on,
/// but validation's last statement, which ends the claim, waits for it. So the run cannot finish between two of the
/// bench's polls (a validation takes tens of milliseconds) before every kill has landed, and a kill aimed at
/// validation finds it in progress.
/// </summary>
public sealed class FinishHold(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private NpgsqlConnection? connection;
    private NpgsqlTransaction? transaction;

    public bool IsHeld => transaction is not null;

    public async Task TakeAsync(Guid runId)
    {
        connection = await dataSource.OpenConnectionAsync();
        transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT 1 FROM backfill.runs WHERE run_id = @runId FOR SHARE", new { runId }, transaction);
    }

    public async Task ReleaseAsync()
    {
        if (transaction is not null)
        {
            await transaction.RollbackAsync();
            transaction = null;
        }
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    public async ValueTask DisposeAsync() => await ReleaseAsync();
}
