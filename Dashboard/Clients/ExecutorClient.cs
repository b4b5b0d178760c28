using AspireMigration.ApiClients;
using AspireMigration.ApiClients.Executor;
using AspireMigration.ApiClients.Executor.Api;
using AspireMigration.ApiClients.Executor.Api.Runs.Item.Report;
using AspireMigration.Dashboard.Clients.Runs;
using AspireMigration.Shared.Api;
using AspireMigration.Shared.Contracts.Runs;
using Generated = AspireMigration.ApiClients.Executor.Models;

namespace AspireMigration.Dashboard.Clients;

/// <summary>
/// The Executor's run API through its generated client: commands go to the MigrationRun saga, reads come from its tables.
/// </summary>
public sealed class ExecutorClient(HttpClient http)
{
    private readonly ServiceApi service = new(http, ApiProblem.ExecutorMapping);

    private ApiRequestBuilder Api => field ??= new ExecutorApi(service.Adapter).Api;

    /// <summary>
    /// Starts a run of the plan, once per <paramref name="idempotencyKey"/>: sent again under it, the start answers with the run
    /// it started. A 400 names the fields that were wrong.
    /// </summary>
    public async Task<Guid> StartRunAsync(Guid planId, bool dryRun, bool skipLowConfidence, int batchSize, RunPacing pacing,
        string idempotencyKey, Actor actor, CancellationToken cancellationToken)
    {
        var request = new Generated.StartRunRequest
        {
            PlanId = planId, DryRun = dryRun, SkipLowConfidence = skipLowConfidence, BatchSize = batchSize, Pacing = PacingWire.To(pacing),
        };
        return Wire.Required((await ServiceApi.AnswerAsync(Api.Runs.PostAsync(request, configuration =>
        {
            actor.AddHeaders(configuration);
            configuration.Headers.Add(IdempotencyKey.Header, idempotencyKey);
        }, cancellationToken))).RunId);
    }

    /// <summary>The run's next dispatch follows the new pacing; a 400 names the fields that were wrong.</summary>
    public Task ChangePacingAsync(Guid runId, RunPacing pacing, int batchSize, Actor actor, CancellationToken cancellationToken) =>
        ServiceApi.AcceptedAsync(Api.Runs[runId].Pacing.PutAsync(new Generated.ChangePacingRequest
        {
            Pacing = PacingWire.To(pacing), BatchSize = batchSize,
        }, actor.AddHeaders, cancellationToken));

    /// <param name="command">One of <see cref="OperatorCommands"/> but pace; <paramref name="force"/> counts for a rollback.</param>
    public Task CommandAsync(Guid runId, string command, bool force, Actor actor, CancellationToken cancellationToken)
    {
        var run = Api.Runs[runId];
        var body = new Generated.RunCommandRequest { Force = force };
        return ServiceApi.AcceptedAsync(command switch
        {
            OperatorCommands.Pause => run.Pause.PostAsync(body, actor.AddHeaders, cancellationToken),
            OperatorCommands.Resume => run.Resume.PostAsync(body, actor.AddHeaders, cancellationToken),
            OperatorCommands.Cancel => run.Cancel.PostAsync(body, actor.AddHeaders, cancellationToken),
            OperatorCommands.Rollback => run.Rollback.PostAsync(body, actor.AddHeaders, cancellationToken),
            OperatorCommands.Retry => run.Retry.PostAsync(body, actor.AddHeaders, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a command the run API posts."),
        });
    }

    public async Task<IReadOnlyList<RunView>> ListRunsAsync(Actor actor, CancellationToken cancellationToken) =>
        (await ServiceApi.AnswerAsync(Api.Runs.GetAsync(actor.AddHeaders, cancellationToken))).Select(RunView.From).ToList();

    public async Task<RunView> GetRunAsync(Guid runId, Actor actor, CancellationToken cancellationToken) =>
        RunView.From(await ServiceApi.AnswerAsync(Api.Runs[runId].GetAsync(actor.AddHeaders, cancellationToken)));

    public async Task<IReadOnlyList<BatchView>> GetBatchesAsync(Guid runId, Actor actor, CancellationToken cancellationToken) =>
        (await ServiceApi.AnswerAsync(Api.Runs[runId].Batches.GetAsync(actor.AddHeaders, cancellationToken)))
            .Select(BatchView.From).ToList();

    public async Task<IReadOnlyList<AuditEventView>> GetAuditAsync(Guid runId, Actor actor, CancellationToken cancellationToken) =>
        (await ServiceApi.AnswerAsync(Api.Runs[runId].Audit.GetAsync(actor.AddHeaders, cancellationToken)))
            .Select(AuditEventView.From).ToList();

    /// <summary>One page (from 1) of what a rollback would do now, with the run's totals.</summary>
    public async Task<RollbackPreview> GetRollbackPreviewAsync(
        Guid runId, int page, int pageSize, Actor actor, CancellationToken cancellationToken) =>
        RollbackPreview.From(await ServiceApi.AnswerAsync(Api.Runs[runId].RollbackPreview.GetAsync(request =>
        {
            actor.AddHeaders(request);
            (request.QueryParameters.Page, request.QueryParameters.PageSize) = (page, pageSize);
        }, cancellationToken)));

    /// <param name="format">json, csv or md.</param>
    public Task<string> GetReportAsync(Guid runId, string format, Actor actor, CancellationToken cancellationToken) =>
        service.ReadAsync(Api.Runs[runId].Report.ToGetRequestInformation(request =>
        {
            actor.AddHeaders(request);
            request.QueryParameters.Format = Wire.Word<GetFormatQueryParameterType>(format);
        }), cancellationToken);
}
