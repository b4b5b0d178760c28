using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using AspireMigration.AppHost.Infrastructure;
using Dapper;
using Npgsql;

namespace AspireMigration.TestSupport;

/// <summary>
/// A streaming standby of the fixture's PostgreSQL, started only by the tests that need one: a base backup of the
/// primary (pg_basebackup -R) into a data directory of its own, served by Debian's postgres on a free port as the same
/// service account. The primary needs nothing added: initdb's defaults (wal_level replica, 10 WAL senders, pg_hba's
/// loopback replication lines) already let its superuser replicate.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class StreamingStandby : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ServiceAccount account;
    private readonly string binDirectory;
    private readonly string rootDirectory;
    private readonly Process server;
    private readonly StringBuilder serverLog = new();
    private readonly string primaryConnectionString;

    private StreamingStandby(
        ServiceAccount account, string binDirectory, string rootDirectory, Process server, string name, string primaryConnectionString,
        string connectionString)
    {
        this.account = account;
        this.binDirectory = binDirectory;
        this.rootDirectory = rootDirectory;
        this.server = server;
        this.primaryConnectionString = primaryConnectionString;
        Name = name;
        ConnectionString = connectionString;
        server.ErrorDataReceived += (_, e) => Append(e.Data);
        server.OutputDataReceived += (_, e) => Append(e.Data);
        server.BeginErrorReadLine();
        server.BeginOutputReadLine();
    }

    /// <summary>Its cluster_name, which its WAL receiver gives as application_name in the primary's pg_stat_replication.</summary>
    public string Name { get; }

    /// <summary>The standby's own postgres database, read-only.</summary>
    public string ConnectionString { get; }

    private string DataDirectory => Path.Combine(rootDirectory, "data");

    /// <summary>Copies the fixture's primary and waits until the standby streams from it.</summary>
    public static async Task<StreamingStandby> StartAsync(InfrastructureFixture fixture)
    {
        var options = new InfrastructureOptions();
        var account = new ServiceAccount(options.ServiceAccount);
        var name = "standby_" + Guid.NewGuid().ToString("N")[..8];
        var root = Path.Combine(fixture.DataDirectory, name);
        var primary = new NpgsqlConnectionStringBuilder(fixture.ServerConnectionString);
        using var timeout = new CancellationTokenSource(StartTimeout);

        await account.CreateOwnedDirectoryAsync(root, timeout.Token);
        await account.CreateOwnedDirectoryAsync(Path.Combine(root, "run"), timeout.Token);
        // A hot standby refuses to start with fewer connection slots than its primary.
        string maxConnections;
        await using (var connection = new NpgsqlConnection(fixture.ServerConnectionString))
        {
            maxConnections = await connection.ExecuteScalarAsync<string>("SHOW max_connections") ?? "100";
        }
        // A fast checkpoint starts the copy at once instead of after a spread one. A throwaway copy needs no fsync: syncing
        // it, and the standby's start syncing it again (it starts from a backup, as after a crash), took 10 s of the 12.
        await RunAsync(account.Wrap(Path.Combine(options.PostgresBinDirectory, "pg_basebackup"),
            "-h", primary.Host!, "-p", primary.Port.ToString(CultureInfo.InvariantCulture),
            "-U", primary.Username!, "-D", Path.Combine(root, "data"), "-R", "--checkpoint=fast", "-X", "stream", "--no-sync"),
            primary.Password, timeout.Token);

        var port = FreePort.Find();
        var command = account.Wrap(Path.Combine(options.PostgresBinDirectory, "postgres"),
            "-D", Path.Combine(root, "data"), "-k", Path.Combine(root, "run"), "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"max_connections={maxConnections}", "-c", $"cluster_name={name}",
            "-c", "fsync=off");
        var connectionString = new NpgsqlConnectionStringBuilder(fixture.ServerConnectionString)
        {
            Port = port,
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;
        var standby = new StreamingStandby(account, options.PostgresBinDirectory, root, Start(command, null), name,
            fixture.ServerConnectionString, connectionString);
        try
        {
            await Eventually.HoldsAsync(standby.IsStreamingAsync, StartTimeout);
        }
        catch (Exception ex)
        {
            var log = standby.Log;
            await standby.DisposeAsync();
            throw new InvalidOperationException($"Standby {name} did not stream within {StartTimeout}:{Environment.NewLine}{log}", ex);
        }
        return standby;
    }

    /// <summary>Stops replaying WAL (it is still received): the primary's replay LSN of this standby stands still.</summary>
    public async Task PauseReplayAsync()
    {
        await ExecuteOnStandbyAsync("SELECT pg_wal_replay_pause()");
        await Eventually.HoldsAsync(async () =>
            await QueryStandbyAsync<string>("SELECT pg_get_wal_replay_pause_state()") == "paused", StartTimeout);
    }

    public Task ResumeReplayAsync() => ExecuteOnStandbyAsync("SELECT pg_wal_replay_resume()");

    /// <summary>What the standby has replayed, in the primary's terms: no bytes left means caught up.</summary>
    public async Task<long> UnreplayedBytesAsync()
    {
        await using var connection = new NpgsqlConnection(primaryConnectionString);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint FROM pg_stat_replication WHERE application_name = @Name",
            new { Name });
    }

    public async ValueTask DisposeAsync()
    {
        if (!server.HasExited)
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await RunAsync(account.Wrap(Path.Combine(binDirectory, "pg_ctl"), "stop", "-D", DataDirectory, "-m", "fast", "-w"),
                null, timeout.Token);
            await server.WaitForExitAsync(timeout.Token);
        }
        server.Dispose();
        Directory.Delete(rootDirectory, recursive: true);
    }

    private string Log
    {
        get
        {
            lock (serverLog)
            {
                return serverLog.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (serverLog)
            {
                serverLog.AppendLine(line);
            }
        }
    }

    private async Task<bool> IsStreamingAsync()
    {
        if (server.HasExited)
        {
            throw new InvalidOperationException($"Standby {Name} exited with {server.ExitCode}.");
        }
        await using var primary = new NpgsqlConnection(primaryConnectionString);
        var streaming = await primary.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_replication WHERE application_name = @Name AND state = 'streaming')", new { Name });
        try
        {
            // Streaming starts before the standby reaches a consistent state and accepts connections.
            return streaming && await QueryStandbyAsync<bool>("SELECT pg_is_in_recovery()");
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private async Task<T> QueryStandbyAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    private async Task ExecuteOnStandbyAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.ExecuteAsync(sql);
    }

    private static Process Start(CommandLine command, string? password)
    {
        var startInfo = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        // The environment keeps the password off the command line that every process listing shows.
        if (password is not null)
        {
            startInfo.Environment["PGPASSWORD"] = password;
        }
        return Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {command.FileName}.");
    }

    private static async Task RunAsync(CommandLine command, string? password, CancellationToken cancellationToken)
    {
        using var process = Start(command, password);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{string.Join(' ', command.Arguments)}' exited with {process.ExitCode}:{Environment.NewLine}{await output}{await error}");
        }
    }
}
