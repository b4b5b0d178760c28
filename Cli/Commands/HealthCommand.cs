using System.ComponentModel;
using System.Text.Json;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;
using Spectre.Console;

namespace AspireMigration.Cli.Commands;

[Description("Orphans, plans, runs and backups, and the active alerts")]
public sealed class HealthCommand(CliEnvironment environment) : ServiceCommand<GlobalSettings>(environment)
{
    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var figures = await client.GetAsync(Service.Analyzer, "/api/health-summary", cancellationToken);
        var alerts = (await client.GetAsync(Service.Analyzer, "/health/details", cancellationToken))
            .Field("checks").Field("alerts").Field("data");
        var activeAlerts = alerts.ValueKind == JsonValueKind.Object
            ? alerts.EnumerateObject().Select(a => new { alert = a.Name, message = a.Value.GetString() }).ToList()
            : [];
        output.Write(JsonSerializer.SerializeToElement(new { figures, alerts = activeAlerts }, JsonSerializerOptions.Web), console =>
        {
            var lastRun = figures.Field("lastRun");
            console.Write(Tables.Fields(
                ("Orphan sessions", figures.Text("orphanCount")),
                ("Sessions", figures.Text("totalSessions")),
                ("Last plan", figures.Field("lastPlan").Text("planId")),
                ("Last run", lastRun.ValueKind == JsonValueKind.Object
                    ? string.Join(" ", lastRun.EnumerateObject().Select(f => $"{f.Name}={lastRun.Text(f.Name)}")) : ""),
                ("Active runs", figures.Text("activeRuns")),
                ("Backup tables", string.Join(", ", figures.Items("backupTables").Select(t => t.GetString())))));
            console.MarkupLine(activeAlerts.Count == 0 ? "[green]No active alerts[/]" : $"[yellow]{activeAlerts.Count} active alert(s)[/]");
            foreach (var alert in activeAlerts)
            {
                console.MarkupLine($"  [yellow]{Markup.Escape(alert.alert)}[/] {Markup.Escape(alert.message ?? "")}");
            }
        });
        return ExitCodes.Done;
    }
}
