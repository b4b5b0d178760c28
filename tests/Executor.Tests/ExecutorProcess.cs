using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AspireMigration.Bench;
using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

/// <summary>The Executor as a separate OS process, so a test can kill it the hard way (SIGKILL) mid-run.</summary>
public sealed class ExecutorProcess : IDisposable
{
    private readonly Process process;
    private readonly string serviceApiKey;

    private ExecutorProcess(Process process, Uri address, string serviceApiKey)
    {
        this.process = process;
        this.serviceApiKey = serviceApiKey;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The process's peak resident memory (Linux VmHWM), in bytes.</summary>
    public long PeakMemoryBytes => PeakMemory.Of(process.Id);

    /// <summary>Starts the peak over from what the process holds now, to measure what follows on its own.</summary>
    public void ResetPeakMemory() => PeakMemory.Reset(process.Id);

    /// <summary>A client acting as the operator on this process's API.</summary>
    public RunClient OperatorClient() =>
        new(new HttpClient { BaseAddress = Address }.ActAs(serviceApiKey, "operator", Roles.Operator));

    /// <summary>
    /// An Executor on the scenario's database and the fixture's broker, on queues named by <paramref name="endpointPrefix"/>;
    /// <paramref name="settings"/> are more configuration keys (e.g. "Executor:StallTimeout").
    /// </summary>
    public static async Task<ExecutorProcess> StartAsync(Scenario scenario, InfrastructureFixture infrastructure, string endpointPrefix,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var (database, messaging, serviceApiKey) = (
            scenario.ConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [BuiltAssemblies.Executor])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__appdb"] = database,
                ["ConnectionStrings__messaging"] = messaging,
                ["Executor__EndpointPrefix"] = endpointPrefix,
                ["ServiceApi__Key"] = serviceApiKey,
                ["ASPNETCORE_URLS"] = address.ToString(),
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = address };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/alive", timeout.Token)).IsSuccessStatusCode)
                {
                    return new ExecutorProcess(process, address, serviceApiKey);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200, timeout.Token);
        }
    }

    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
