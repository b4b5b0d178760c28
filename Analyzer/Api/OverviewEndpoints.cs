using AspireMigration.Analyzer.Health;
using AspireMigration.Analyzer.Plans;
using AspireMigration.Shared.Api;
using AspireMigration.Shared.Contracts.Api.Overview;
using AspireMigration.Shared.Contracts.Api.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AspireMigration.Analyzer.Api;

/// <summary>What the Dashboard shows around plans: health figures and the projects one may assign.</summary>
public static class OverviewEndpoints
{
    public static IEndpointRouteBuilder MapOverviewEndpoints(this IEndpointRouteBuilder routes)
    {
        var overview = routes.MapGroup("/api").WithTags("Overview").ProducesServiceApiProblems();
        overview.MapGet("/health-summary", HealthSummaryAsync).WithName("GetHealthSummary")
            .WithSummary("Orphan count, sessions, last plan, last and active runs, backup tables");
        overview.MapGet("/projects", ProjectsAsync).WithName("ListProjects")
            .WithSummary("Active projects, the ones an item may be assigned to; with includeUnassignable every project")
            .ProducesValidationProblem();
        return routes;
    }

    private static async Task<Ok<HealthSummary>> HealthSummaryAsync(HealthSummaryQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await query.GetAsync(cancellationToken));

    private static async Task<Ok<IReadOnlyList<ProjectView>>> ProjectsAsync(
        bool? includeUnassignable, ProjectQueries projects, CancellationToken cancellationToken) =>
        TypedResults.Ok(await projects.ListAsync(includeUnassignable ?? false, cancellationToken));
}
