using System.ComponentModel;
using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;
using AspireMigration.Shared.Contracts.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AspireMigration.Cli.Commands.Runs;

[Description("Roll back a run: restore what it changed (Operator); --preview shows what would happen")]
public sealed class RollbackRunCommand(CliEnvironment environment) : ServiceCommand<RollbackRunCommand.Settings>(environment)
{
    public sealed class Settings : RunIdSettings
    {
        [CommandOption("--force")]
        [Description("Also restore sessions changed since the run wrote them (conflicts)")]
        public bool Force { get; init; }

        [CommandOption("--preview")]
        [Description("Only show what a rollback would do now")]
        public bool Preview { get; init; }

        [CommandOption("--wait")]
        [Description("Follow the rollback and exit 0 when the run is rolled back, 1 otherwise")]
        public bool Wait { get; init; }
    }

    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, Settings settings, CancellationToken cancellationToken)
    {
        var run = client.Executor.Runs[settings.RunId];
        var preview = (await run.RollbackPreview.GetAsync(r => r.QueryParameters.PageSize = 20, cancellationToken))!;
        if (settings.Preview)
        {
            var projects = output.Json ? ProjectNames.NotRead : await ProjectNames.LoadAsync(client, cancellationToken);
            output.Write(preview, console => WritePreview(console, preview, projects));
            return ExitCodes.Done;
        }
        var conflicts = preview.Conflicts ?? 0;
        if (!output.Confirm($"Roll back run {settings.RunId}: restore {Display.Number(preview.WouldRestore ?? 0)} sessions, "
                + $"{conflicts} conflict{(conflicts == 1 ? "" : "s")} {(settings.Force ? "overwritten" : "left alone")}?"))
        {
            return ExitCodes.Failed;
        }
        var before = (await run.GetAsync(cancellationToken: cancellationToken))!;
        await run.Rollback.PostAsync(new RunCommandRequest { Force = settings.Force }, cancellationToken: cancellationToken);
        if (!settings.Wait)
        {
            output.Say(Markup.Escape(
                $"Rollback of run {settings.RunId} accepted; follow it with: aspire-migration runs show {settings.RunId}"));
            return ExitCodes.Done;
        }
        // Done once the saga moved on from the state it was in and is not rolling back any more.
        var after = await new RunWatcher(client, output).WaitAsync(settings.RunId, r => r.State == RunStates.RolledBack
            || (r.State != RunStates.RollingBack && r.UpdatedAt != before.UpdatedAt), cancellationToken);
        output.Write(after, _ => { });
        return RunOutcome.OfRollback(after);
    }

    private static void WritePreview(IAnsiConsole console, RollbackPreview preview, ProjectNames projects)
    {
        if (preview.BackupProblem is { Length: > 0 } problem)
        {
            console.MarkupLine($"[red]The backup is unusable:[/] {Markup.Escape(problem)}");
        }
        console.Write(Tables.Fields(
            ("Would restore", Display.Number(preview.WouldRestore)), ("Already original", Display.Number(preview.AlreadyOriginal)),
            ("Conflicts", Display.Number(preview.Conflicts))));
        console.WriteLine();
        // An orphan's project is NULL, as in SQL: that is what a restore writes back.
        console.Write(Tables.Of(preview.Sessions,
            ("Session", r => Display.Text(r.SessionId)), ("Project now", r => projects.Of(r.CurrentProjectId, "NULL")),
            ("Run wrote", r => projects.Of(r.TargetProjectId, "NULL")), ("Restores to", r => projects.Of(r.OriginalProjectId, "NULL")),
            ("Action", r => Display.Text(r.Action))));
        var total = (preview.WouldRestore ?? 0) + (preview.AlreadyOriginal ?? 0) + (preview.Conflicts ?? 0);
        if (total > (preview.Sessions?.Count ?? 0))
        {
            console.WriteLine($"The first {preview.Sessions?.Count ?? 0} of {Display.Number(total)} sessions; "
                + "the run's page in the Dashboard lists them all.");
        }
    }
}
