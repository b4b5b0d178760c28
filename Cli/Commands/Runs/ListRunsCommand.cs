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
        var runs = await client.Executor.Runs.GetAsync(cancellationToken: cancellationToken);
        output.Write(runs, console => console.Write(Tables.Of(runs,
            ("Run", r => Display.Text(r.RunId)),
            ("Plan", r => Display.Text(r.PlanId)),
            ("State", r => r.State + (r.DryRun == true ? " (dry run)" : "")),
            ("By", r => Display.Text(r.RequestedBy)),
            ("Batches", r => BatchCount.Of(r) ?? "not counted yet"),
            // As the Dashboard's list says it: a bare count under "Migrated" would claim a dry run wrote those rows.
            ("Migrated", r => r.DryRun == true ? $"none ({Display.Number(r.Migrated)} would be)" : Display.Number(r.Migrated)),
            ("Rolled back", r => Display.Number(r.RolledBack)),
            ("Created", r => Display.Text(r.CreatedAt)))));
        return ExitCodes.Done;
    }
}
