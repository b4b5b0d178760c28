using System.ComponentModel;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Commands.Runs;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;
using Spectre.Console;

namespace AspireMigration.Cli.Commands.Backups;

[Description("Drop a finished run's backup table once its retention has passed (Operator); the run can no longer be rolled back")]
public sealed class DropBackupCommand(CliEnvironment environment) : ServiceCommand<RunIdSettings>(environment)
{
    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, RunIdSettings settings, CancellationToken cancellationToken)
    {
        var backup = (await client.Executor.Backups.GetAsync(cancellationToken: cancellationToken))?
            .FirstOrDefault(b => b.RunId == settings.RunId);
        var what = backup is not null
            ? $"backup {backup.TableName} of run {settings.RunId} ({backup.RowCount ?? 0} rows)"
            : $"the backup of run {settings.RunId}";
        if (!output.Confirm($"Drop {what}? The run can no longer be rolled back."))
        {
            return ExitCodes.Failed;
        }
        await client.Executor.Backups[settings.RunId].DeleteAsync(cancellationToken: cancellationToken);
        output.Say(Markup.Escape($"Dropped {what}."));
        return ExitCodes.Done;
    }
}
