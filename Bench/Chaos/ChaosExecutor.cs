using System.Net.Http.Json;
using AspireMigration.Bench.Execution;
using AspireMigration.Shared.Contracts.Api.Runs;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Security;

namespace AspireMigration.Bench.Chaos;

/// <summary>
/// The chaos bench's Executor: one OS process at a time on the same database and queues, killed and started
/// again. Its queues are durable, so the steps queued when it dies wait for its successor; a short stall
/// timeout lets the reconciler re-send within the bench's patience what no queue or outbox holds.
/// </summary>
public sealed class ChaosExecutor(string connectionString, string messaging, string endpointPrefix, TextWriter log)
{
    private readonly string serviceApiKey = Guid.NewGuid().ToString("N");
    private BenchReplica? process;

    private Dictionary<string, string> Settings => new()
    {
        ["Executor__TemporaryEndpoints"] = "false",
        ["Executor__StallTimeout"] = "00:00:05",
        ["Executor__ReconcileInterval"] = "00:00:01",
        ["ServiceApi__Key"] = serviceApiKey,
    };

    /// <summary>Starts the first process and waits until its API answers, so that a run can be started on it.</summary>
    public async Task StartAsync() =>
        process = await BenchReplica.StartAsync(connectionString, messaging, endpointPrefix, Settings, log);

    /// <summary>
    /// Starts the successor without waiting for it: it resumes the run while it is still starting, and the bench
    /// must be watching (and able to kill it) from its first message on.
    /// </summary>
    public void Restart() => process = BenchReplica.Launch(connectionString, messaging, endpointPrefix, Settings, log);

    /// <summary>Whether the process died without being killed: a crash, which no run may need.</summary>
    public bool HasCrashed => process is { HasExited: true };

    /// <summary>Starts a run of the plan over the process's API, as an operator.</summary>
    public async Task StartRunAsync(Guid planId, int batchSize, RunPacing? pacing)
    {
        using var http = ServiceApiClient.Create(Running.Address!, serviceApiKey, Roles.Operator);
        using var response = await http.PostAsJsonAsync("/api/runs", new StartRunRequest(planId, BatchSize: batchSize, Pacing: pacing));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>SIGKILL, children included: nothing is acknowledged, flushed or shut down.</summary>
    public void Kill()
    {
        process?.Dispose();
        process = null;
    }

    private BenchReplica Running => process ?? throw new InvalidOperationException("The chaos Executor has not been started.");
}
