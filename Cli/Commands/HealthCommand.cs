using System.ComponentModel;
using System.Text.Json;
using AspireMigration.ApiClients.Analyzer.Models;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;
using Spectre.Console;

namespace AspireMigration.Cli.Commands;

[Description("Orphans, plans, runs and backups, the active alerts and any unhealthy check; exits 1 when a check is unhealthy")]
public sealed class HealthCommand(CliEnvironment environment) : ServiceCommand<GlobalSettings>(environment)
{
    /// <summary>HealthStatus.Unhealthy as the services' health report writes it; the one status that makes it answer 503.</summary>
    private const string Unhealthy = "Unhealthy";

    // What a field says when there is nothing to show: an empty cell reads as a value that failed to load.
    private const string None = "none";

    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var figures = await client.Analyzer.HealthSummary.GetAsync(cancellationToken: cancellationToken) ?? new HealthSummary();
        var (details, healthy) = await client.HealthDetailsAsync(cancellationToken);
        var checks = Entries(details, "checks").ToList();
        var alerts = checks.Where(c => c.Name == "alerts").SelectMany(c => Entries(c.Value, "data"))
            .Select(a => new
            {
                alert = a.Name, message = a.Value.ValueKind == JsonValueKind.String ? a.Value.GetString() : a.Value.GetRawText(),
            })
            .ToList();
        // Degraded is not unhealthy: the alerts check is Degraded while an alert is active, and the alerts are shown on their own.
        var unhealthy = checks.Where(c => Text(c.Value, "status") == Unhealthy)
            .Select(c => new { check = c.Name, status = Text(c.Value, "status"), description = Text(c.Value, "description") })
            .ToList();
        output.Write(() => JsonSerializer.SerializeToElement(
            new { figures = ApiJson.Of(figures), alerts, unhealthy }, JsonSerializerOptions.Web), console =>
        {
            var lastRun = figures.LastRun;
            console.Write(Tables.Fields(
                ("Orphan sessions", Display.Number(figures.OrphanCount)),
                ("Sessions", Display.Number(figures.TotalSessions)),
                ("Last plan", figures.LastPlan is { } plan ? Display.Text(plan.PlanId) : None),
                ("Last run", lastRun is null ? None
                    : $"{Display.Text(lastRun.RunId)} {lastRun.State}{(lastRun.DryRun == true ? " (dry run)" : "")}, "
                        + $"plan {Display.Text(lastRun.PlanId)}, started {Display.Text(lastRun.CreatedAt)}"
                        + (lastRun.FinishedAt is { } finished ? $", finished {Display.Text(finished)}" : "")),
                ("Active runs", Display.Number(figures.ActiveRuns)),
                ("Backup tables", figures.BackupTables is { Count: > 0 } tables ? string.Join(", ", tables) : None)));
            console.MarkupLine(alerts.Count == 0 ? "[green]No active alerts[/]"
                : $"[yellow]{alerts.Count} active alert{(alerts.Count == 1 ? "" : "s")}:[/]");
            foreach (var alert in alerts)
            {
                // What is wrong first; the key after it is the one the alert webhook and the logs carry.
                console.MarkupLine($"  - {Markup.Escape(alert.message ?? "")} [grey]({Markup.Escape(alert.alert)})[/]");
            }
            foreach (var check in unhealthy)
            {
                console.MarkupLine(
                    $"[red]{Markup.Escape(check.check)}: {Markup.Escape(check.status)}[/] {Markup.Escape(check.description)}");
            }
        });
        return healthy ? ExitCodes.Done : ExitCodes.Failed;
    }

    /// <summary>The members of an object in the health report (it is written by the health checks, not by the API document).</summary>
    private static IEnumerable<JsonProperty> Entries(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject()
            : [];

    private static string Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";
}
