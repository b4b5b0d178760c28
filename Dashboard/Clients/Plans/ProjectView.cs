using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Analyzer.Models;

namespace AspireMigration.Dashboard.Clients.Plans;

/// <summary>A project an item may name; Status is null for a project whose row has no status.</summary>
public sealed record ProjectView(Guid Id, string Name, string? Status)
{
    internal static ProjectView From(Generated.ProjectView project) => new(Required(project.Id), Required(project.Name), project.Status);
}
