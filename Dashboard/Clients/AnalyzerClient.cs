using System.Net.Http.Json;

namespace AspireMigration.Dashboard.Clients;

/// <summary>The Analyzer's plan API: the only writer of plans, decisions and approvals.</summary>
public sealed class AnalyzerClient(HttpClient http)
{
    public async Task<Guid> CreatePlanAsync(string createdBy, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/plans", new { createdBy }, cancellationToken);
        await response.EnsureAcceptedAsync(cancellationToken);
        var created = await response.Content.ReadFromJsonAsync<CreatedPlan>(cancellationToken);
        return created!.PlanId;
    }

    public async Task DecideAsync(Guid planId, Guid sessionId, string decision, Guid? targetProjectId, string decidedBy, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"/api/plans/{planId}/items/{sessionId}/decision",
            new { decision, targetProjectId, decidedBy }, cancellationToken);
        await response.EnsureAcceptedAsync(cancellationToken);
    }

    public async Task ApproveAsync(Guid planId, string approvedBy, bool acknowledgeRisks, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"/api/plans/{planId}/approve", new { approvedBy, acknowledgeRisks }, cancellationToken);
        await response.EnsureAcceptedAsync(cancellationToken);
    }

    public Task<string> GetReportAsync(Guid planId, string format, CancellationToken cancellationToken) =>
        http.GetStringAsync($"/api/plans/{planId}/report?format={Uri.EscapeDataString(format)}", cancellationToken);

    /// <summary>The Analyzer's health summary as name/value pairs, whatever figures it carries.</summary>
    public async Task<IReadOnlyList<(string Name, string Value)>> GetHealthFiguresAsync(CancellationToken cancellationToken)
    {
        using var document = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/health-summary", cancellationToken));
        return document.RootElement.EnumerateObject()
            .Select(p => (p.Name, p.Value.ValueKind == System.Text.Json.JsonValueKind.Null ? "—" : p.Value.ToString()))
            .ToList();
    }

    private sealed record CreatedPlan(Guid PlanId);
}
