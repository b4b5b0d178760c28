using System.Net.Http.Json;

namespace AspireMigration.Dashboard.Clients;

/// <summary>The Executor's run API: commands go to the MigrationRun saga, reads come from its tables.</summary>
public sealed class ExecutorClient(HttpClient http)
{
    public async Task<Guid> StartRunAsync(Guid planId, string requestedBy, bool dryRun, bool skipLowConfidence, int batchSize, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/runs",
            new { planId, requestedBy, dryRun, skipLowConfidence, batchSize }, cancellationToken);
        await response.EnsureAcceptedAsync(cancellationToken);
        var started = await response.Content.ReadFromJsonAsync<StartedRun>(cancellationToken);
        return started!.RunId;
    }

    public async Task CommandAsync(Guid runId, string command, string requestedBy, bool force, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"/api/runs/{runId}/{command}", new { requestedBy, force }, cancellationToken);
        await response.EnsureAcceptedAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RunView>> ListRunsAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<RunView>>("/api/runs", cancellationToken) ?? [];

    public Task<RunView?> GetRunAsync(Guid runId, CancellationToken cancellationToken) =>
        http.GetFromJsonAsync<RunView>($"/api/runs/{runId}", cancellationToken);

    public Task<string> GetJsonAsync(string path, CancellationToken cancellationToken) => http.GetStringAsync(path, cancellationToken);

    private sealed record StartedRun(Guid RunId);
}
