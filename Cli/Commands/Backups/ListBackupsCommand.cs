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
        var backups = await client.Executor.Backups.GetAsync(cancellationToken: cancellationToken);
        output.Write(backups, console => console.Write(Tables.Of(backups,
            ("Run", b => Display.Text(b.RunId)),
            ("Table", b => Display.Text(b.TableName)),
            ("Rows", b => Display.Number(b.RowCount)),
            ("Created", b => Display.Text(b.CreatedAt)),
            ("Run state", b => Display.Text(b.RunState)),
            ("Dropped", b => b.DroppedAt is { } at ? $"{Display.Text(at)} by {b.DroppedBy}" : "no"))));
        return ExitCodes.Done;
    }
}
