namespace AspireMigration.Dashboard.Clients;

/// <summary>The Analyzer's plan API: the only writer of plans, decisions and approvals.</summary>
public sealed class AnalyzerClient(HttpClient http)
{
    private readonly ServiceApi api = new(http);

    public async Task<Guid> CreatePlanAsync(Actor actor, CancellationToken cancellationToken) =>
        (await api.PostAsync<CreatedPlan>("/api/plans", actor, new { }, cancellationToken)).PlanId;

    public Task DecideAsync(Guid planId, Guid sessionId, string decision, Guid? targetProjectId, Actor actor, CancellationToken cancellationToken) =>
        api.PostAsync($"/api/plans/{planId}/items/{sessionId}/decision", actor, new { decision, targetProjectId }, cancellationToken);

    public Task ApproveAsync(Guid planId, bool acknowledgeRisks, Actor actor, CancellationToken cancellationToken) =>
        api.PostAsync($"/api/plans/{planId}/approve", actor, new { acknowledgeRisks }, cancellationToken);

    public Task WithdrawApprovalAsync(Guid planId, string reason, Actor actor, CancellationToken cancellationToken) =>
        api.PostAsync($"/api/plans/{planId}/withdraw-approval", actor, new { reason }, cancellationToken);

    public Task<string> GetReportAsync(Guid planId, string format, Actor actor, CancellationToken cancellationToken) =>
        api.GetStringAsync($"/api/plans/{planId}/report?format={Uri.EscapeDataString(format)}", actor, cancellationToken);

    /// <summary>The Analyzer's health summary as name/value pairs, whatever figures it carries.</summary>
    public async Task<IReadOnlyList<(string Name, string Value)>> GetHealthFiguresAsync(Actor actor, CancellationToken cancellationToken)
    {
        using var document = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/api/health-summary", actor, cancellationToken));
        return document.RootElement.EnumerateObject()
            .Select(p => (p.Name, p.Value.ValueKind == System.Text.Json.JsonValueKind.Null ? "—" : p.Value.ToString()))
            .ToList();
    }

    private sealed record CreatedPlan(Guid PlanId);
}
