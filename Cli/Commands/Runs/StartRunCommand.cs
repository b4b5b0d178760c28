using System.ComponentModel;
using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Commands.Plans;
using AspireMigration.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AspireMigration.Cli.Commands.Runs;

[Description("Run an approved plan (Operator); --wait follows it to its end")]
public sealed class StartRunCommand(CliEnvironment environment) : ServiceCommand<StartRunCommand.Settings>(environment)
{
    public sealed class Settings : PacingSettings
    {
        [CommandArgument(0, "<PLAN>")]
        public string PlanIdText { get; init; } = "";

        [CommandOption("--dry-run")]
        [Description("Do everything in one transaction that is rolled back")]
        public bool DryRun { get; init; }

        [CommandOption("--skip-low-confidence")]
        [Description("Leave tentative items alone")]
        public bool SkipLowConfidence { get; init; }

        [CommandOption("--idempotency-key <KEY>")]
        [Description("Start at most one run under this key: run again (a retried script), the command answers with the run "
            + "the key started")]
        public string? IdempotencyKey { get; init; }

        [CommandOption("--wait")]
        [Description("Show the run's progress and exit with its outcome")]
        public bool Wait { get; init; }

        /// <summary>The API's start request.</summary>
        public StartRunRequest Request() => new()
        {
            PlanId = Guid.Parse(PlanIdText), SkipLowConfidence = SkipLowConfidence, BatchSize = BatchSize, DryRun = DryRun,
            Pacing = AnyPacing ? Pacing() : null,
        };

        public override ValidationResult Validate() =>
            !Guid.TryParse(PlanIdText, out _) ? ValidationResult.Error($"'{PlanIdText}' is not a plan id.") : base.Validate();
    }

    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, Settings settings, CancellationToken cancellationToken)
    {
        // A dry run changes nothing, so it is never asked about.
        if (!settings.DryRun)
        {
            var plan = await PlanText.ReadAsync(client, settings.PlanIdText, cancellationToken);
            if (!output.Confirm($"Run plan {settings.PlanIdText} on the database: {PlanText.Counts(plan?.Summary)} items, "
                    + $"low-confidence items {(settings.SkipLowConfidence ? "skipped" : "included")}?"))
            {
                return ExitCodes.Failed;
            }
        }
        var started = await client.Executor.Runs.PostAsync(settings.Request(), request =>
        {
            if (settings.IdempotencyKey is { } key)
            {
                request.Headers.Add("Idempotency-Key", key);
            }
        }, cancellationToken);
        var runId = started?.RunId ?? throw new InvalidOperationException("The Executor accepted the run without naming it.");
        if (!settings.Wait)
        {
            output.Write(started,
                console => console.MarkupLine(Markup.Escape($"Run {runId} started; follow it with: aspire-migration runs watch {runId}")));
            return ExitCodes.Done;
        }
        var run = await new RunWatcher(client, output).WaitAsync(runId, RunOutcome.IsFinished, cancellationToken);
        output.Write(run, _ => { });
        return RunOutcome.OfRun(run);
    }
}
