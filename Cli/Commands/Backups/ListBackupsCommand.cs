using System.ComponentModel;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;

namespace AspireMigration.Cli.Commands.Backups;

[Description("Every run's backup table, with its rows and whether it was dropped")]
public sealed class ListBackupsCommand(CliEnvironment environment) : ServiceCommand<GlobalSettings>(environment)
{
    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var backups = await client.GetAsync(Service.Executor, "/api/backups", cancellationToken);
        output.Write(backups, console => console.Write(Tables.Of(backups.Items(),
            ("Run", b => b.Text("runId")),
            ("Table", b => b.Text("tableName")),
            ("Rows", b => b.Text("rowCount")),
            ("Created", b => b.Text("createdAt")),
            ("Run state", b => b.Text("runState")),
            ("Dropped", b => b.Text("droppedAt") is { Length: > 0 } at ? $"{at} by {b.Text("droppedBy")}" : ""))));
        return ExitCodes.Done;
    }
}
