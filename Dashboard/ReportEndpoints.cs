using System.Security.Claims;
using System.Text.Encodings.Web;
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
        app.MapGet("/plans/{planId:guid}/report", async (
                Guid planId, string? format, AnalyzerClient analyzer, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            await DownloadAsync($"plan-{planId}", format, f => analyzer.GetReportAsync(planId, f, Actor.From(user), cancellationToken)));
        app.MapGet("/runs/{runId:guid}/report", async (
                Guid runId, string? format, ExecutorClient executor, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            await DownloadAsync($"run-{runId}", format,
                f => executor.GetReportAsync(runId, f, Actor.From(user), cancellationToken)));
        return app;
    }

    private static async Task<IResult> DownloadAsync(string name, string? format, Func<string, Task<string>> fetch)
    {
        format ??= "json";
        if (!Formats.TryGetValue(format, out var kind))
        {
            return Results.Problem($"Unknown report format '{format}'; use json, csv or md.", statusCode: StatusCodes.Status400BadRequest);
        }
        string body;
        try
        {
            body = await fetch(format.ToLowerInvariant());
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            // The link was opened as a page of its own (a download), so the refusal must be one too.
            return Unavailable(name, e.Message);
        }
        return Results.File(System.Text.Encoding.UTF8.GetBytes(body), kind.ContentType, $"{name}.{kind.Extension}");
    }

    private static IResult Unavailable(string name, string reason)
    {
        var html = HtmlEncoder.Default;
        return Results.Content($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Report unavailable · AspireMigration</title></head>
            <body><main>
            <h1>The report {html.Encode(name)} is unavailable</h1>
            <p role="alert">{html.Encode(reason)}</p>
            <p><a href="/">Back to the dashboard</a></p>
            </main></body></html>
            """, "text/html; charset=utf-8", statusCode: StatusCodes.Status502BadGateway);
    }
}
