using AspireMigration.ApiClients;
using AspireMigration.ApiClients.Analyzer;
using AspireMigration.ApiClients.Analyzer.Api;
using AspireMigration.ApiClients.Analyzer.Api.Plans.Item;
using AspireMigration.ApiClients.Analyzer.Api.Plans.Item.Report;
using AspireMigration.Dashboard.Clients.Overview;
using AspireMigration.Dashboard.Clients.Plans;
using Generated = AspireMigration.ApiClients.Analyzer.Models;

namespace AspireMigration.Dashboard.Clients;

/// <summary>
/// The Analyzer's plan API through its generated client: the only writer of plans, decisions and approvals, and the Dashboard's
/// only way to read them, so the Dashboard never repeats the Analyzer's queries (e.g. which decision is newest).
/// </summary>
public sealed class AnalyzerClient(HttpClient http)
{
    private readonly ServiceApi service = new(http, ApiProblem.AnalyzerMapping);

    private ApiRequestBuilder Api => field ??= new AnalyzerApi(service.Adapter).Api;

    public async Task<IReadOnlyList<PlanSummary>> ListPlansAsync(Actor actor, CancellationToken cancellationToken) =>
        (await ServiceApi.AnswerAsync(Api.Plans.GetAsync(actor.AddHeaders, cancellationToken))).Select(PlanSummary.From).ToList();

    /// <summary>The plan with one page of its items, or null when there is no such plan.</summary>
    public async Task<ItemPage?> GetPlanAsync(Guid planId, PlanItemQuery query, Actor actor, CancellationToken cancellationToken)
    {
        var page = await ServiceApi.AnswerOrNullAsync(Api.Plans[planId].GetAsync(request =>
        {
            actor.AddHeaders(request);
            var parameters = request.QueryParameters;
            (parameters.Page, parameters.PageSize, parameters.ProjectId, parameters.Descending) =
                (query.Page, query.PageSize, query.ProjectId, query.Descending);
            parameters.Type = query.Type is { } type ? Wire.Word<GetTypeQueryParameterType>(type) : null;
            parameters.Sort = query.Sort is { } sort ? Wire.Word<Generated.PlanItemSort>(sort) : null;
        }, cancellationToken));
        return page is null ? null : ItemPage.From(page);
    }

    public async Task<IReadOnlyList<ConfidenceBucket>> GetConfidenceHistogramAsync(
        Guid planId, Actor actor, CancellationToken cancellationToken) =>
        (await ServiceApi.AnswerAsync(Api.Plans[planId].ConfidenceHistogram.GetAsync(actor.AddHeaders, cancellationToken)))
            .Select(ConfidenceBucket.From).ToList();

    /// <summary>The projects an item may be assigned to or, with <paramref name="includeUnassignable"/>, every project.</summary>
    public async Task<IReadOnlyList<ProjectView>> ListProjectsAsync(
        bool includeUnassignable, Actor actor, CancellationToken cancellationToken) =>
        (await ServiceApi.AnswerAsync(Api.Projects.GetAsync(request =>
        {
            actor.AddHeaders(request);
            request.QueryParameters.IncludeUnassignable = includeUnassignable;
        }, cancellationToken))).Select(ProjectView.From).ToList();

    /// <summary>Analyses now with the configured scoring settings; the new plan's id.</summary>
    public async Task<Guid> CreatePlanAsync(Actor actor, CancellationToken cancellationToken) =>
        Wire.Required((await ServiceApi.AnswerAsync(
            Api.Plans.PostAsync(new Generated.CreatePlanRequest(), actor.AddHeaders, cancellationToken))).PlanId);

    /// <param name="decision">exclude, include or assign (the API's words).</param>
    public Task DecideAsync(
        Guid planId, Guid sessionId, string decision, Guid? targetProjectId, Actor actor, CancellationToken cancellationToken) =>
        ServiceApi.AcceptedAsync(Api.Plans[planId].Items[sessionId].Decision.PostAsync(
            new Generated.DecisionRequest
            {
                Decision = Wire.Word<Generated.DecisionRequest_decision>(decision), TargetProjectId = targetProjectId,
            }, actor.AddHeaders, cancellationToken));

    public Task ApproveAsync(Guid planId, bool acknowledgeRisks, Actor actor, CancellationToken cancellationToken) =>
        ServiceApi.AcceptedAsync(Api.Plans[planId].Approve.PostAsync(
            new Generated.ApprovalRequest { AcknowledgeRisks = acknowledgeRisks }, actor.AddHeaders, cancellationToken));

    public Task WithdrawApprovalAsync(Guid planId, string reason, Actor actor, CancellationToken cancellationToken) =>
        ServiceApi.AcceptedAsync(Api.Plans[planId].WithdrawApproval.PostAsync(
            new Generated.WithdrawApprovalRequest { Reason = reason }, actor.AddHeaders, cancellationToken));

    /// <param name="format">json, csv or md.</param>
    public Task<string> GetReportAsync(Guid planId, string format, Actor actor, CancellationToken cancellationToken) =>
        service.ReadAsync(Api.Plans[planId].Report.ToGetRequestInformation(request =>
        {
            actor.AddHeaders(request);
            request.QueryParameters.Format = Wire.Word<GetFormatQueryParameterType>(format);
        }), cancellationToken);

    public async Task<HealthSummary> GetHealthSummaryAsync(Actor actor, CancellationToken cancellationToken) =>
        HealthSummary.From(await ServiceApi.AnswerAsync(Api.HealthSummary.GetAsync(actor.AddHeaders, cancellationToken)));
}
