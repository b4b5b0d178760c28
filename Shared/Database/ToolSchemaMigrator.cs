using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AspireMigration.Shared.Database;

/// <summary>
/// Creates and upgrades the tool's own schema ("backfill") from the numbered scripts under
/// Database/Migrations, and tells which of them a database still lacks. The Migrator runs it once
/// before the services start; the advisory lock keeps each script applied exactly once when it
/// races another runner anyway (a second AppHost, the Analyzer CLI, a test). The target tables are
/// never touched.
/// </summary>
public sealed class ToolSchemaMigrator(NpgsqlDataSource dataSource, ILogger<ToolSchemaMigrator> logger)
{
    public const string Schema = "backfill";

    private const string MigrationsTable = $"{Schema}.schema_migrations";

    // An arbitrary constant shared by every runner: "backfill" in ASCII.
    private const long MigrationLockKey = 0x6261636B66696C6C;

    /// <summary>The migrations this build carries, in order; a database is current when it has applied all of them.</summary>
    public static IReadOnlyList<string> Expected { get; } = [.. SqlScripts.Migrations().Select(m => m.Name)];

    /// <summary>The newest migration this build carries: the schema version it expects.</summary>
    public static string ExpectedVersion => Expected[^1];

    /// <summary>Applies what is missing; returns the names of the migrations it applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@key)", new { key = MigrationLockKey }, transaction, cancellationToken: cancellationToken));
        // CREATE SCHEMA IF NOT EXISTS still needs CREATE on the database; a DBA who created the
        // schema for a least-privilege role has not granted that, so only create what is missing.
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT to_regnamespace(@schema) IS NULL", new { schema = Schema }, transaction, cancellationToken: cancellationToken)))
        {
            await connection.ExecuteAsync(
                new CommandDefinition($"CREATE SCHEMA {Schema}", transaction: transaction, cancellationToken: cancellationToken));
        }
        await connection.ExecuteAsync(new CommandDefinition($"""
            CREATE TABLE IF NOT EXISTS {MigrationsTable} (
                name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            """, transaction: transaction, cancellationToken: cancellationToken));

        var applied = (await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT name FROM {MigrationsTable}", transaction: transaction, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
        var appliedNow = new List<string>();
        foreach (var (name, sql) in SqlScripts.Migrations().Where(m => !applied.Contains(m.Name)))
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO {MigrationsTable} (name) VALUES (@name)", new { name }, transaction, cancellationToken: cancellationToken));
            logger.LogInformation("Applied tool schema migration {Migration}", name);
            appliedNow.Add(name);
        }
        await transaction.CommitAsync(cancellationToken);
        return appliedNow;
    }

    /// <summary>The migrations of this build the database has not applied (all of them when the schema does not exist).</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT to_regclass(@table) IS NULL", new { table = MigrationsTable }, cancellationToken: cancellationToken)))
        {
            return Expected;
        }
        var applied = (await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT name FROM {MigrationsTable}", cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        return [.. Expected.Where(name => !applied.Contains(name))];
    }
}
