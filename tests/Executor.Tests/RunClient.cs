using AspireMigration.Shared.Contracts.Api.Runs;
using System.Net;
using System.Net.Http.Json;
using AspireMigration.Executor.Api;
using AspireMigration.Executor.Saga;
using AspireMigration.TestSupport;
using Microsoft.AspNetCore.Mvc;

namespace AspireMigration.Executor.Tests;

/// <summary>Drives runs through the Executor's HTTP API, as the dashboard or an operator would.</summary>
public sealed class RunClient(HttpClient http)
{
    public static readonly TimeSpan Timeout = Eventually.Timeout;

    // Far longer than a published command takes to reach the audit consumer and the saga on this machine.
    private static readonly TimeSpan CommandSettle = TimeSpan.FromSeconds(2);

    public HttpClient Http => http;

    public Task<Guid> StartAsync(Guid planId, bool skipLowConfidence = false, int? batchSize = null, bool dryRun = false) =>
        StartAsync(new StartRunRequest(planId, skipLowConfidence, batchSize, dryRun));

    public async Task<Guid> StartAsync(StartRunRequest request)
    {
        var response = await http.PostAsJsonAsync("/api/runs", request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StartedRun>())!.RunId;
    }

    public async Task<RunView?> GetAsync(Guid runId)
    {
        var response = await http.GetAsync($"/api/runs/{runId}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<RunView>();
    }

    /// <summary>Polls until the run reaches a finished state (or <paramref name="state"/>), and returns it.</summary>
    public async Task<RunView> WaitAsync(Guid runId, string? state = null)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            var run = await GetAsync(runId);
            if (run is not null && (state is null ? MigrationRunStateMachine.IsFinished(run.State) : run.State == state))
            {
                return run;
            }
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Run {runId} is {run?.State ?? "missing"}, expected {state ?? "a finished state"}.");
            }
            await Task.Delay(200);
        }
    }

    public Task WaitForBatchesAsync(Guid runId, int completedBatches) =>
        Eventually.HoldsAsync(async () => (await GetAsync(runId))?.CompletedBatches == completedBatches);

    public Task<HttpResponseMessage> CommandAsync(Guid runId, string verb, bool force = false) =>
        http.PostAsJsonAsync($"/api/runs/{runId}/{verb}", new RunCommandRequest(force));

    public async Task<List<AuditEventView>> AuditAsync(Guid runId) =>
        (await http.GetFromJsonAsync<List<AuditEventView>>($"/api/runs/{runId}/audit"))!;

    /// <summary>
    /// The command is answered 409 with a stable title and the specifics in the detail, and nothing was
    /// published: a moment later the run's state, reason and audit trail are as they were.
    /// </summary>
    public async Task AssertRefusedAsync(Guid runId, string verb, string title, string detail)
    {
        var before = await GetAsync(runId);
        var auditBefore = await AuditAsync(runId);

        var response = await CommandAsync(runId, verb);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(title, problem!.Title);
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
        await Task.Delay(CommandSettle);
        var after = await GetAsync(runId);
        Assert.Equal((before!.State, before.Reason, before.UpdatedAt), (after!.State, after.Reason, after.UpdatedAt));
        var auditAfter = await AuditAsync(runId);
        Assert.Equal(auditBefore.Select(e => e.Id), auditAfter.Select(e => e.Id));
        Assert.DoesNotContain(auditAfter, e => e.Action == verb + "_requested");
    }

    private sealed record StartedRun(Guid RunId);
}
