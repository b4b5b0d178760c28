using System.ComponentModel;
using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AspireMigration.Cli.Commands.Runs;

[Description("Change a running run's pacing (Operator): the options given replace its whole pacing")]
public sealed class PaceRunCommand(CliEnvironment environment) : ServiceCommand<PaceRunCommand.Settings>(environment)
{
    public sealed class Settings : PacingSettings
    {
        [CommandArgument(0, "<RUN>")]
        public string RunIdText { get; init; } = "";

        public override ValidationResult Validate() =>
            !Guid.TryParse(RunIdText, out _) ? ValidationResult.Error($"'{RunIdText}' is not a run id.") : base.Validate();

        /// <summary>The API's pacing change: no option at all means fixed batches, no window, no cap.</summary>
        public ChangePacingRequest Request() => new() { Pacing = Pacing(), BatchSize = BatchSize };
    }

    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, Settings settings, CancellationToken cancellationToken)
    {
        await client.Executor.Runs[Guid.Parse(settings.RunIdText)].Pacing.PutAsync(
            settings.Request(), cancellationToken: cancellationToken);
        output.Say(Markup.Escape($"Run {settings.RunIdText}: new pacing accepted; its next batch follows it."));
        return ExitCodes.Done;
    }
}
