using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Analyzer.Models;

namespace AspireMigration.Dashboard.Clients.Plans;

/// <summary>A plan's items per assignment type.</summary>
public sealed record PlanCounts(int Total, int Confident, int Tentative, int ManualReview, int Unassigned)
{
    internal static PlanCounts From(Generated.PlanCounts counts) => new(
        Required(counts.Total), Required(counts.Confident), Required(counts.Tentative), Required(counts.ManualReview),
        Required(counts.Unassigned));
}
