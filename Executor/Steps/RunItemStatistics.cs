using Dapper;
using Npgsql;

namespace AspireMigration.Executor.Steps;

/// <summary>
/// A run inserts its items and then rewrites every outcome faster than autovacuum notices. With
/// statistics from before, PostgreSQL expects a handful of items and resolves, backs up, checks or
/// restores a million sessions by nested-loop index probes instead of hash joins, many times slower.
/// Pre-flight refreshes them inside its transaction (ANALYZE counts the rows it inserted); rollback
/// before its own, so the lock ANALYZE takes is released at once.
/// </summary>
internal static class RunItemStatistics
{
    public static Task RefreshAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("ANALYZE backfill.run_items", transaction: transaction,
            commandTimeout: SetBasedStatement.TimeoutSeconds, cancellationToken: cancellationToken));
}
