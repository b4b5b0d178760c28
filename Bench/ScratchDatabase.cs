using Dapper;
using Npgsql;

namespace AspireMigration.Bench;

/// <summary>A database of its own on the bench's server, dropped (with whoever is still connected) when disposed.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name;

    private ScratchDatabase(string server, string name)
    {
        this.server = server;
        this.name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync(string server)
    {
        var database = new ScratchDatabase(server, "bench_" + Guid.NewGuid().ToString("N")[..12]);
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database.name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}
