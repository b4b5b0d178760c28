using AspireMigration.Shared.Contracts.Api.Runs;

namespace AspireMigration.Dashboard.Clients;

/// <summary>The Executor's run API: commands go to the MigrationRun saga, reads come from its tables.</summary>
public sealed class ExecutorClient(HttpClient http)
{
    private readonly ServiceApi api = new(http);

    public async Task<Guid> StartRunAsync(StartRunRequest request, Actor actor, CancellationToken cancellationToken) =>
        (await api.PostAsync<RunAccepted>("/api/runs", actor, request, cancellationToken)).RunId;

    /// <summary>The run's next dispatch follows the new pacing; a 400 names the fields that were wrong.</summary>
    public Task ChangePacingAsync(Guid runId, ChangePacingRequest request, Actor actor, CancellationToken cancellationToken) =>
        api.PutAsync($"/api/runs/{runId}/pacing", actor, request, cancellationToken);

    public Task CommandAsync(Guid runId, string command, bool force, Actor actor, CancellationToken cancellationToken) =>
        api.PostAsync($"/api/runs/{runId}/{command}", actor, new RunCommandRequest(force), cancellationToken);

    public Task<List<RunView>> ListRunsAsync(Actor actor, CancellationToken cancellationToken) =>
        api.GetAsync<List<RunView>>("/api/runs", actor, cancellationToken);

    public Task<RunView> GetRunAsync(Guid runId, Actor actor, CancellationToken cancellationToken) =>
        api.GetAsync<RunView>($"/api/runs/{runId}", actor, cancellationToken);

    public Task<List<BatchView>> GetBatchesAsync(Guid runId, Actor actor, CancellationToken cancellationToken) =>
        api.GetAsync<List<BatchView>>($"/api/runs/{runId}/batches", actor, cancellationToken);

    public Task<List<AuditEventView>> GetAuditAsync(Guid runId, Actor actor, CancellationToken cancellationToken) =>
        api.GetAsync<List<AuditEventView>>($"/api/runs/{runId}/audit", actor, cancellationToken);

    /// <summary>One page (from 1) of what a rollback would do now, with the run's totals.</summary>
    public Task<RollbackPreview> GetRollbackPreviewAsync(
        Guid runId, int page, int pageSize, Actor actor, CancellationToken cancellationToken) =>
        api.GetAsync<RollbackPreview>($"/api/runs/{runId}/rollback-preview?page={page}&pageSize={pageSize}", actor, cancellationToken);

    public Task<string> GetStringAsync(string path, Actor actor, CancellationToken cancellationToken) =>
        api.GetStringAsync(path, actor, cancellationToken);
}
