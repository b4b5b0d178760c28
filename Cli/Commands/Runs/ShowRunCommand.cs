using System.ComponentModel;
using System.Globalization;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;

namespace AspireMigration.Cli.Commands.Runs;

[Description("A run's state, counts and pacing")]
public sealed class ShowRunCommand(CliEnvironment environment) : ServiceCommand<RunIdSettings>(environment)
{
    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, RunIdSettings settings, CancellationToken cancellationToken)
    {
        var run = (await client.Executor.Runs[settings.RunId].GetAsync(cancellationToken: cancellationToken))!;
        // Progress from sessions: with adaptive batches the batch total is an estimate until the last batch is out.
        var done = (run.Migrated ?? 0) + (run.SkippedChanged ?? 0);
        var included = run.Included ?? 0;
        output.Write(run, console => console.Write(Tables.Fields([
            .. RunFields.Of(run),
            ("Progress", Progress(done, included)),
            .. PacingText.Fields(run.Pacing, RunOutcome.IsFinished(run))])));
        return ExitCodes.Done;
    }

    /// <summary>Tenths of a percent rounded down: a run with one session of 10,000 left is not "100 %".</summary>
    public static string Progress(int done, int included)
    {
        var sessions = string.Create(CultureInfo.InvariantCulture, $"{done:N0} of {included:N0} sessions");
        return included > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{sessions} ({Math.Floor(1000.0 * done / included) / 10:0.#} %)")
            : sessions;
    }
}
