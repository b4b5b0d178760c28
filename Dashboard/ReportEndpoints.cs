using System.Security.Claims;
using AspireMigration.Dashboard.Clients;

namespace AspireMigration.Dashboard;

public static class ReportEndpoints
{
    private static readonly Dictionary<string, (string ContentType, string Extension)> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = ("application/json", "json"),
        ["csv"] = ("text/csv", "csv"),
        ["md"] = ("text/markdown", "md"),
    };

    /// <summary>Report downloads for signed-in users, fetched from the service that owns the data.</summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/plans/{planId:guid}/report", async (Guid planId, string? format, AnalyzerClient analyzer, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            await DownloadAsync($"plan-{planId}", format, f => analyzer.GetReportAsync(planId, f, Actor.From(user), cancellationToken)));
        app.MapGet("/runs/{runId:guid}/report", async (Guid runId, string? format, ExecutorClient executor, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            await DownloadAsync($"run-{runId}", format, f => executor.GetStringAsync($"/api/runs/{runId}/report?format={f}", Actor.From(user), cancellationToken)));
        return app;
    }

    private static async Task<IResult> DownloadAsync(string name, string? format, Func<string, Task<string>> fetch)
    {
        format ??= "json";
        if (!Formats.TryGetValue(format, out var kind))
        {
            return Results.Problem($"Unknown report format '{format}'; use json, csv or md.", statusCode: StatusCodes.Status400BadRequest);
        }
        var body = await fetch(format.ToLowerInvariant());
        return Results.File(System.Text.Encoding.UTF8.GetBytes(body), kind.ContentType, $"{name}.{kind.Extension}");
    }
}
