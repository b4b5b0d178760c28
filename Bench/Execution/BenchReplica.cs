using System.Diagnostics;
using AspireMigration.Executor.Steps;

namespace AspireMigration.Bench.Execution;

/// <summary>
/// Another Executor as its own OS process on the bench's database and queues, so a run is shared by
/// replicas the way a scaled-out deployment shares it, and each one's peak memory can be read apart.
/// </summary>
public sealed class BenchReplica : IDisposable
{
    private const string ListeningOn = "Now listening on: ";

    private readonly Process process;
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BenchReplica(Process process)
    {
        this.process = process;
    }

    /// <summary>What the replica writes into the batch ledger's processed_by.</summary>
    public string Name => BatchProcessor.NameOf(process.Id);

    /// <summary>Where its API listens (a free port the process picked).</summary>
    public Uri? Address { get; private set; }

    /// <summary>Whether the process has exited, killed or on its own.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>
    /// Starts the replica and waits until its host, and with it the bus, has started. <paramref name="settings"/>
    /// (environment variable names) override the defaults; <paramref name="log"/>, if given, receives its output.
    /// </summary>
    public static async Task<BenchReplica> StartAsync(string connectionString, string messaging, string endpointPrefix,
        IReadOnlyDictionary<string, string>? settings = null, TextWriter? log = null)
    {
        var replica = Launch(connectionString, messaging, endpointPrefix, settings, log);
        await replica.started.Task.WaitAsync(TimeSpan.FromMinutes(1));
        return replica;
    }

    /// <summary>
    /// Starts the replica without waiting for it: it may consume messages before its host reports started, so a
    /// caller that watches the run meanwhile sees everything it does.
    /// </summary>
    public static BenchReplica Launch(string connectionString, string messaging, string endpointPrefix,
        IReadOnlyDictionary<string, string>? settings = null, TextWriter? log = null)
    {
        var start = new ProcessStartInfo("dotnet", [BuiltAssemblies.Executor])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__appdb"] = connectionString,
                ["ConnectionStrings__messaging"] = messaging,
                ["Executor__EndpointPrefix"] = endpointPrefix,
                ["Executor__TemporaryEndpoints"] = "true",
                // Nobody calls its API unless the settings name a key; one is what the service insists on to start.
                ["ServiceApi__Key"] = Guid.NewGuid().ToString("N"),
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["Logging__LogLevel__Default"] = "Warning",
                // The lines that say where the API listens and that the host, and with it the bus, has started.
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            },
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var replica = new BenchReplica(Process.Start(start) ?? throw new InvalidOperationException("Could not start an Executor replica."));
        replica.process.OutputDataReceived += (_, line) =>
        {
            log?.WriteLine(line.Data);
            if (line.Data?.Contains(ListeningOn, StringComparison.Ordinal) == true)
            {
                replica.Address = new Uri(
                    line.Data[(line.Data.IndexOf(ListeningOn, StringComparison.Ordinal) + ListeningOn.Length)..].Trim());
            }
            if (line.Data?.Contains("Application started", StringComparison.Ordinal) == true)
            {
                replica.started.TrySetResult();
            }
        };
        replica.process.ErrorDataReceived += (_, line) => (log ?? Console.Error).WriteLine(line.Data);
        replica.process.EnableRaisingEvents = true;
        replica.process.Exited += (_, _) => replica.started.TrySetException(
            new InvalidOperationException(
                $"An Executor replica exited during start-up with code {replica.process.ExitCode}; its error output is above."));
        replica.process.BeginOutputReadLine();
        replica.process.BeginErrorReadLine();
        return replica;
    }

    /// <summary>The process's peak resident memory so far (VmHWM), in bytes.</summary>
    public long PeakMemoryBytes => PeakMemory.Of(process.Id);

    /// <summary>Kills the process (SIGKILL, children included): no shutdown hook runs, nothing is acknowledged or flushed.</summary>
    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
    }
}
