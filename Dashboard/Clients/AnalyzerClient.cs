using AspireMigration.Shared.Contracts.Api.Overview;
using AspireMigration.Shared.Contracts.Api.Plans;

namespace AspireMigration.Dashboard.Clients;

/// <summary>
/// The Analyzer's plan API: the only writer of plans, decisions and approvals, and the Dashboard's only
/// way to read them, so the Dashboard never repeats the Analyzer's queries (e.g. which decision is newest).
/// </summary>
public sealed class AnalyzerClient(HttpClient http)
{
    private readonly ServiceApi api = new(http);

    public Task<IReadOnlyList<PlanSummary>> ListPlansAsync(Actor actor, CancellationToken cancellationToken) =>
        api.GetAsync<IReadOnlyList<PlanSummary>>("/api/plans", actor, cancellationToken);

    /// <summary>The plan with one page of its items, or null when there is no such plan.</summary>
    public Task<ItemPage?> GetPlanAsync(Guid planId, PlanItemQuery query, Actor actor, CancellationToken cancellationToken) =>
        api.GetOrNullAsync<ItemPage>($"/api/plans/{planId}{query.ToQueryString()}", actor, cancellationToken);

    public Task<IReadOnlyList<ConfidenceBucket>> GetConfidenceHistogramAsync(
        Guid planId, Actor actor, CancellationToken cancellationToken) =>
        api.GetAsync<IReadOnlyList<ConfidenceBucket>>($"/api/plans/{planId}/confidence-histogram", actor, cancellationToken);

    /// <summary>The projects an item may be assigned to or, with <paramref name="includeUnassignable"/>, every project.</summary>
    public Task<IReadOnlyList<ProjectView>> ListProjectsAsync(bool includeUnassignable, Actor actor, CancellationToken cancellationToken) =>
        api.GetAsync<IReadOnlyList<ProjectView>>(
            $"/api/projects?includeUnassignable={(includeUnassignable ? "true" : "false")}", actor, cancellationToken);

    public async Task<Guid> CreatePlanAsync(Actor actor, CancellationToken cancellationToken) =>
        (await api.PostAsync<PlanSummary>("/api/plans", actor, new CreatePlanRequest(null, null, null), cancellationToken)).PlanId;

    public Task DecideAsync(
        Guid planId, Guid sessionId, string decision, Guid? targetProjectId, Actor actor, CancellationToken cancellationToken) =>
        api.PostAsync(
            $"/api/plans/{planId}/items/{sessionId}/decision", actor, new DecisionRequest(decision, targetProjectId), cancellationToken);

    public Task ApproveAsync(Guid planId, bool acknowledgeRisks, Actor actor, CancellationToken cancellationToken) =>
        api.PostAsync($"/api/plans/{planId}/approve", actor, new ApprovalRequest(acknowledgeRisks), cancellationToken);

    public Task WithdrawApprovalAsync(Guid planId, string reason, Actor actor, CancellationToken cancellationToken) =>
        api.PostAsync($"/api/plans/{planId}/withdraw-approval", actor, new WithdrawApprovalRequest(reason), cancellationToken);

    public Task<string> GetReportAsync(Guid planId, string format, Actor actor, CancellationToken cancellationToken) =>
        api.GetStringAsync($"/api/plans/{planId}/report?format={Uri.EscapeDataString(format)}", actor, cancellationToken);

    public Task<HealthSummary> GetHealthSummaryAsync(Actor actor, CancellationToken cancellationToken) =>
        api.GetAsync<HealthSummary>("/api/health-summary", actor, cancellationToken);
}
