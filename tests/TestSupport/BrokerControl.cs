using System.Diagnostics;
using AspireMigration.AppHost.Infrastructure;

namespace AspireMigration.TestSupport;

/// <summary>
/// Puts the fixture's own RabbitMQ node under the faults a production broker meets, through
/// rabbitmqctl: the same tool an operator would use, no hooks in the services.
/// </summary>
public sealed class BrokerControl(LocalRabbitMQServerResource broker)
{
    /// <summary>
    /// Raises the broker's memory alarm: every connection that publishes is blocked (its publishes
    /// are neither routed nor confirmed) while deliveries to consumers go on.
    /// </summary>
    public Task BlockPublishersAsync() => RunAsync("set_vm_memory_high_watermark", "0");

    /// <summary>Back to the default watermark (40% of RAM): blocked connections resume.</summary>
    public Task UnblockPublishersAsync() => RunAsync("set_vm_memory_high_watermark", "0.4");

    /// <summary>Whether any client connection is blocked by the alarm, i.e. tried to publish since it was raised.</summary>
    public async Task<bool> AnyConnectionBlockedAsync() =>
        (await RunAsync("list_connections", "--quiet", "--no-table-headers", "state")).Split('\n').Any(s => s.Trim() == "blocked");

    /// <summary>The names of the node's queues.</summary>
    public async Task<IReadOnlyList<string>> ListQueuesAsync() =>
        (await RunAsync("list_queues", "--quiet", "--no-table-headers", "name")).Split(
            '\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The names of the node's exchanges, its built-in ones included.</summary>
    public async Task<IReadOnlyList<string>> ListExchangesAsync() =>
        (await RunAsync("list_exchanges", "--quiet", "--no-table-headers", "name")).Split(
            '\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Messages waiting for a consumer in the queues whose name starts with <paramref name="prefix"/>.</summary>
    public async Task<long> ReadyMessagesAsync(string prefix) =>
        (await RunAsync("list_queues", "--quiet", "--no-table-headers", "name", "messages_ready"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Where(columns => columns[0].StartsWith(prefix, StringComparison.Ordinal))
            .Sum(columns => long.Parse(columns[1], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Drops every ready message of the queues whose name starts with <paramref name="prefix"/>, as a lost broker would.</summary>
    public async Task PurgeQueuesAsync(string prefix)
    {
        foreach (var queue in (await ListQueuesAsync()).Where(q => q.StartsWith(prefix, StringComparison.Ordinal)))
        {
            await RunAsync("purge_queue", queue);
        }
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(
            Path.Combine(Path.GetDirectoryName(broker.Command)!, "rabbitmqctl"), ["-n", broker.NodeName, .. arguments])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The node's Erlang cookie lives in its working directory, as the AppHost set HOME for it.
            Environment = { ["HOME"] = broker.WorkingDirectory },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        }
        return await output;
    }
}
