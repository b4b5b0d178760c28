using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AspireMigration.Shared.Database;

/// <summary>
/// Creates and upgrades the tool's own schema ("backfill") from the numbered scripts under
/// Database/Migrations. Every service calls it at start; an advisory lock makes concurrent
/// starts apply each script exactly once. The target tables are never touched.
/// </summary>
public sealed class ToolSchemaMigrator(NpgsqlDataSource dataSource, ILogger<ToolSchemaMigrator> logger)
{
    public const string Schema = "backfill";

    // An arbitrary constant shared by every service: "backfill" in ASCII.
    private const long MigrationLockKey = 0x6261636B66696C6C;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = MigrationLockKey }, transaction, cancellationToken: cancellationToken));
        // CREATE SCHEMA IF NOT EXISTS still needs CREATE on the database; a DBA who created the
        // schema for a least-privilege role has not granted that, so only create what is missing.
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT to_regnamespace(@schema) IS NULL", new { schema = Schema }, transaction, cancellationToken: cancellationToken)))
        {
            await connection.ExecuteAsync(new CommandDefinition($"CREATE SCHEMA {Schema}", transaction: transaction, cancellationToken: cancellationToken));
        }
        await connection.ExecuteAsync(new CommandDefinition($"""
            CREATE TABLE IF NOT EXISTS {Schema}.schema_migrations (
                name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            """, transaction: transaction, cancellationToken: cancellationToken));

        var applied = (await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT name FROM {Schema}.schema_migrations", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, sql) in SqlScripts.Migrations().Where(m => !applied.Contains(m.Name)))
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO {Schema}.schema_migrations (name) VALUES (@name)", new { name }, transaction, cancellationToken: cancellationToken));
            logger.LogInformation("Applied tool schema migration {Migration}", name);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
