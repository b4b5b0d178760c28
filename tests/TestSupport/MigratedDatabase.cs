using AspireMigration.Shared.Database;
using AspireMigration.Shared.Demo;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AspireMigration.TestSupport;

/// <summary>
/// A database of one test's own with the tool schema migrated as the migrator does it, and terse SQL helpers. Each
/// suite derives its own with the rows its tests need (a plan, a run, the demo seed).
/// </summary>
public abstract class MigratedDatabase : IAsyncDisposable
{
    protected MigratedDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static Task MigrateToolSchemaAsync(NpgsqlDataSource dataSource) =>
        new ToolSchemaMigrator(dataSource, NullLogger<ToolSchemaMigrator>.Instance).MigrateAsync();

    /// <summary>The demo seed (18 orphans and their projects), into a database created without the target schema.</summary>
    public static Task SeedDemoAsync(NpgsqlDataSource dataSource) =>
        new DemoSeeder(dataSource, NullLogger<DemoSeeder>.Instance).SeedAsync(new DemoSeedOptions());

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    /// <summary>A new, empty database with the target schema and the tool schema.</summary>
    protected static async Task<T> CreateAsync<T>(InfrastructureFixture fixture, Func<string, T> create)
        where T : MigratedDatabase
    {
        var database = create(await fixture.CreateDatabaseAsync());
        await MigrateToolSchemaAsync(database.DataSource);
        return database;
    }
}
