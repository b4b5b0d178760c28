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
        var backup = (await client.GetAsync(Service.Executor, "/api/backups", cancellationToken)).Items()
            .FirstOrDefault(b => b.Text("runId") == settings.RunId.ToString());
        var what = backup.ValueKind == System.Text.Json.JsonValueKind.Object
            ? $"backup {backup.Text("tableName")} of run {settings.RunId} ({backup.Number("rowCount")} rows)"
            : $"the backup of run {settings.RunId}";
        if (!output.Confirm($"Drop {what}? The run can no longer be rolled back."))
        {
            return ExitCodes.Failed;
        }
        await client.SendAsync(HttpMethod.Delete, Service.Executor, $"/api/backups/{settings.RunId}", null, cancellationToken);
        output.Say(Markup.Escape($"Dropped {what}."));
        return ExitCodes.Done;
    }
}
