using System.ComponentModel;
using System.Text.Json;
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
        var preview = await client.GetAsync(
            Service.Executor, $"/api/runs/{settings.RunId}/rollback-preview?pageSize=20", cancellationToken);
        if (settings.Preview)
        {
            output.Write(preview, console => WritePreview(console, preview));
            return ExitCodes.Done;
        }
        var conflicts = preview.Number("conflicts");
        if (!output.Confirm($"Roll back run {settings.RunId}: restore {preview.Number("wouldRestore")} sessions, "
                + $"{conflicts} conflict{(conflicts == 1 ? "" : "s")} {(settings.Force ? "overwritten" : "left alone")}?"))
        {
            return ExitCodes.Failed;
        }
        var before = await client.GetAsync(Service.Executor, $"/api/runs/{settings.RunId}", cancellationToken);
        await client.SendAsync(
            HttpMethod.Post, Service.Executor, $"/api/runs/{settings.RunId}/rollback", new { force = settings.Force }, cancellationToken);
        if (!settings.Wait)
        {
            output.Say(Markup.Escape(
                $"Rollback of run {settings.RunId} accepted; follow it with: aspire-migration runs show {settings.RunId}"));
            return ExitCodes.Done;
        }
        // Done once the saga moved on from the state it was in and is not rolling back any more.
        var run = await new RunWatcher(client, output).WaitAsync(settings.RunId, r => r.Text("state") == RunStates.RolledBack
            || (r.Text("state") != RunStates.RollingBack && r.Text("updatedAt") != before.Text("updatedAt")), cancellationToken);
        output.Write(run, _ => { });
        return RunOutcome.OfRollback(run);
    }

    private static void WritePreview(IAnsiConsole console, JsonElement preview)
    {
        if (preview.Text("backupProblem") is { Length: > 0 } problem)
        {
            console.MarkupLine($"[red]The backup is unusable:[/] {Markup.Escape(problem)}");
        }
        console.Write(Tables.Fields(
            ("Would restore", preview.Text("wouldRestore")), ("Already original", preview.Text("alreadyOriginal")),
            ("Conflicts", preview.Text("conflicts"))));
        console.Write(Tables.Of(
            preview.Items("sessions"), preview.Items("sessions").FirstOrDefault() is { ValueKind: JsonValueKind.Object } first
            ? first.EnumerateObject().Select(f => (f.Name, (Func<JsonElement, string>)(row => row.Text(f.Name)))).ToArray()
            : [("Session", _ => "")]));
    }
}
