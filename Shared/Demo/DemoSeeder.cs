using AspireMigration.Shared.Database;
using AspireMigration.Shared.Domain;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AspireMigration.Shared.Demo;

/// <summary>
/// Creates the target schema of the product contract and loads the deterministic demo dataset. It refuses to
/// touch a database whose target tables already hold rows unless forced, because the same code
/// may one day be pointed at a real database by mistake.
/// </summary>
public sealed class DemoSeeder(NpgsqlDataSource dataSource, ILogger<DemoSeeder> logger)
{
    public const int ScenarioOrphans = 18;

    public async Task<DemoSeedOutcome> SeedAsync(DemoSeedOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        if (!options.Force && await HasTargetDataAsync(connection, cancellationToken))
        {
            logger.LogInformation("Demo seed skipped: the target tables already hold data");
            return DemoSeedOutcome.SkippedExistingData;
        }

        var started = TimeProvider.System.GetTimestamp();
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await ExecuteAsync(connection, transaction, SqlScripts.Read("TargetSchema.sql"), null, cancellationToken);
            if (options.Force)
            {
                await ExecuteAsync(connection, transaction, $"TRUNCATE {string.Join(", ", TargetTables.All)}", null, cancellationToken);
            }
            await ExecuteAsync(connection, transaction, SqlScripts.Read("DemoScenario.sql"),
                new { scale = options.ScaleOrphans, sentinelId = SentinelProject.Id, sentinelName = SentinelProject.Name },
                cancellationToken);
            await ExecuteAsync(connection, transaction, SqlScripts.Read("TargetIndexes.sql"), null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await ExecuteAsync(connection, null, string.Concat(TargetTables.All.Select(table => $"ANALYZE {table};")), null, cancellationToken);

        logger.LogInformation("Demo database seeded with {Orphans} orphan sessions in {Elapsed}",
            ScenarioOrphans + options.ScaleOrphans, TimeProvider.System.GetElapsedTime(started));
        return DemoSeedOutcome.Seeded;
    }

    private static async Task<bool> HasTargetDataAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var table in TargetTables.All)
        {
            var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT to_regclass(@name) IS NOT NULL", new { name = "public." + table }, cancellationToken: cancellationToken));
            // The table names are constants of this class, never input.
            if (exists && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    $"SELECT EXISTS (SELECT 1 FROM public.\"{table}\")", cancellationToken: cancellationToken)))
            {
                return true;
            }
        }
        return false;
    }

    private static Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            new CommandDefinition(sql, parameters, transaction, commandTimeout: 0, cancellationToken: cancellationToken));
}
