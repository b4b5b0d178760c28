using Dapper;
using Npgsql;

namespace AspireMigration.Executor.Steps;

/// <summary>
/// A run inserts its items and then rewrites every outcome faster than autovacuum notices. With
/// statistics from before the run, PostgreSQL expects a handful of migrated items and checks or
/// restores a hundred thousand sessions by nested-loop index probes instead of hash joins, several
/// times slower. Called before the step's transaction, so ANALYZE's lock is released at once.
/// </summary>
internal static class RunItemStatistics
{
    public static Task RefreshAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("ANALYZE backfill.run_items", cancellationToken: cancellationToken));
}
