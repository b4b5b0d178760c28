using AspireMigration.ApiClients;
using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Analyzer.Models;

namespace AspireMigration.Dashboard.Clients.Plans;

/// <summary>One item of a plan with its newest decision; <see cref="AssignmentType"/> is the API's word (manual_review).</summary>
/// <param name="ProjectDistribution">Evidence events by project id.</param>
public sealed record PlanItem(
    Guid SessionId, string AssignmentType, Guid? TargetProjectId, Guid? SuggestedProjectId, decimal Confidence, int EventsTotal,
    int EvidenceEvents, IReadOnlyDictionary<string, int> ProjectDistribution, string Reasoning, IReadOnlyList<string> Warnings,
    ItemDecision? Decision)
{
    internal static PlanItem From(Generated.PlanItem item) => new(
        Required(item.SessionId), WireNames.Of(Required(item.AssignmentType)), item.TargetProjectId, item.SuggestedProjectId,
        (decimal)Required(item.Confidence), Required(item.EventsTotal), Required(item.EvidenceEvents),
        Counts(item.ProjectDistribution?.AdditionalData), Required(item.Reasoning), Required(item.Warnings),
        item.Decision is { } decision ? ItemDecision.From(decision) : null);
}
