using System.ComponentModel;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;

namespace AspireMigration.Cli.Commands.Runs;

[Description("All runs with their state and counts")]
public sealed class ListRunsCommand(CliEnvironment environment) : ServiceCommand<GlobalSettings>(environment)
{
    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var runs = await client.GetAsync(Service.Executor, "/api/runs", cancellationToken);
        output.Write(runs, console => console.Write(Tables.Of(runs.Items(),
            ("Run", r => r.Text("runId")),
            ("Plan", r => r.Text("planId")),
            ("State", r => r.Text("state") + (r.Flag("dryRun") ? " (dry run)" : "")),
            ("By", r => r.Text("requestedBy")),
            ("Batches", r => $"{r.Number("completedBatches")}/{r.Number("totalBatches")}"),
            ("Migrated", r => r.Text("migrated")),
            ("Rolled back", r => r.Text("rolledBack")),
            ("Created", r => r.Text("createdAt")))));
        return ExitCodes.Done;
    }
}
